namespace LambdaRegistrator.Bench.Scale.GoEquivalent;

/// <summary>What a Go-equivalent invocation did: events reconciled, and errors (the Go handler returns them joined).</summary>
internal sealed record GoSyncResult(int Upserts, int Deletes, IReadOnlyList<string> Errors);
