namespace LambdaRegistrator.TestKit.Consul;

/// <summary>What a <see cref="ConsulTarget"/> runs against.</summary>
public enum ConsulTargetKind
{
    /// <summary>The project's in-process Consul API simulator.</summary>
    Simulator,

    /// <summary>A real <c>consul agent -dev</c> started from the <c>consul</c> binary on PATH.</summary>
    RealConsul,
}
