namespace LambdaRegistrator.ConsulSimulator.Catalog;

/// <summary>A decoded <c>structs.DeregisterRequest</c> body.</summary>
internal sealed class DeregisterRequest
{
    public string? Datacenter { get; set; }
    public string Node { get; set; } = "";
    public string ServiceId { get; set; } = "";
    public string CheckId { get; set; } = "";
    public string PeerName { get; set; } = "";
    public string? Namespace { get; set; }
    public string? Partition { get; set; }
}
