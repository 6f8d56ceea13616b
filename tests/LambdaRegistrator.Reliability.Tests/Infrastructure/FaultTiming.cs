using LambdaRegistrator.ConsulSimulator.Faults;
using LambdaRegistrator.TestKit.Consul;

namespace LambdaRegistrator.Reliability.Tests.Infrastructure;

/// <summary>Arms a simulator fault in the middle of a sync, deterministically.</summary>
internal static class FaultTiming
{
    /// <summary>
    /// Lets the first <paramref name="passThrough"/> requests that <paramref name="fault"/> would match through untouched,
    /// then applies the fault. Why: the simulator applies the first matching rule with uses left, so a no-op rule (one-tick
    /// delay) with the same prefix and method, added first, absorbs exactly that many requests.
    /// </summary>
    public static void ArmAfter(ConsulTarget consul, int passThrough, FaultRule fault)
    {
        if (passThrough > 0)
        {
            consul.Faults!.Add(new FaultRule { PathPrefix = fault.PathPrefix, Method = fault.Method, Delay = TimeSpan.FromTicks(1), Count = passThrough });
        }

        consul.Faults!.Add(fault);
    }
}
