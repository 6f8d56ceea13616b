namespace LambdaRegistrator.ConsulSimulator.Catalog;

/// <summary>The JSON shape of <c>structs.ServiceAddress</c> (capitalised on output).</summary>
internal sealed record ServiceAddressView(string Address, int Port);
