using LambdaRegistrator.Function.Runtime;

namespace LambdaRegistrator.Function.Tests.Runtime;

public sealed class MemoryLimitTests
{
    private const ulong MiB = 1024 * 1024;

    public static TheoryData<string, int, ulong> Cases => new()
    {
        { "the smallest function keeps 24 MB for native memory", 128, 104 * MiB },
        { "512 MB keeps a tenth", 512, 512 * MiB - 512 * MiB / 10 },
        { "the largest function keeps a tenth", 10240, 10240 * MiB - 1024 * MiB },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void HeapHardLimitBytes_FunctionMemory_LeavesHeadroomBelowIt(string scenario, int memorySizeMb, ulong expected)
    {
        _ = scenario;
        Assert.Equal(expected, MemoryLimit.HeapHardLimitBytes(memorySizeMb));
    }
}
