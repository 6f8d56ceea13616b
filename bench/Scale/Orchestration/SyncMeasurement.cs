namespace LambdaRegistrator.Bench.Scale.Orchestration;

/// <summary>One sync as the child process timed it: wall milliseconds around the sync call, its JSON summary, and notes.</summary>
internal sealed record SyncMeasurement(double Milliseconds, string Summary, IReadOnlyList<string> Notes);
