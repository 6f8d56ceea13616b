namespace LambdaRegistrator.Function.Runtime;

/// <summary>Tells the GC how much memory the function has.</summary>
/// <remarks>
/// Why: .NET does not see the memory limit Lambda enforces (RuntimeSupport's AdjustMemorySettings does the same).
/// The heap limit stays below the function's memory so the runtime's native memory (JIT, sockets, TLS) fits too:
/// a tenth of it, at least 24 MB.
/// </remarks>
internal static class MemoryLimit
{
    private const long MiB = 1024 * 1024;

    public static ulong HeapHardLimitBytes(int memorySizeMb)
    {
        long total = memorySizeMb * MiB;
        long headroom = Math.Max(total / 10, 24 * MiB);
        return (ulong)Math.Max(total - headroom, 16 * MiB);
    }

    public static void Apply(int memorySizeMb)
    {
        AppContext.SetData("GCHeapHardLimit", HeapHardLimitBytes(memorySizeMb));
        GC.RefreshMemoryLimit();
    }
}
