namespace LambdaRegistrator.ConsulSimulator.State;

/// <summary>A tagged address of a service (<c>structs.ServiceAddress</c>).</summary>
internal sealed record ServiceAddress(string Address, int Port);
