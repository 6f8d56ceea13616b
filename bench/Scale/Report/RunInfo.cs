namespace LambdaRegistrator.Bench.Scale.Report;

/// <summary>Facts about the run the report states next to the numbers.</summary>
internal sealed record RunInfo(
    BenchOptions Options, DateTimeOffset Started, TimeSpan Duration, string LoadBefore, string LoadAfter, int ProcessorCount, string Runtime);
