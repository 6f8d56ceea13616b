using System.Runtime.InteropServices;

namespace LambdaRegistrator.Function.Tests.Packaging;

/// <summary>
/// How this machine runs an arm64 <c>bootstrap</c>: natively on arm64, otherwise under qemu-user
/// (<c>qemu-aarch64-static</c>) with Debian's arm64 user space for the dynamic loader, libstdc++ and OpenSSL (SigV4's
/// HMAC goes through it). Building the arm64 Native AOT package also needs the cross link toolchain.
/// </summary>
internal static class Arm64Emulation
{
    private const string Install =
        "dpkg --add-architecture arm64 && apt-get update && apt-get install qemu-user-static libc6:arm64 libstdc++6:arm64 "
        + "libssl3:arm64 zlib1g:arm64 clang lld llvm libc6-dev:arm64 libgcc-12-dev:arm64 (what .ci/run installs)";

    /// <summary>The qemu-user executable that runs arm64 programs here; null on an arm64 machine or when none is installed.</summary>
    public static string? Qemu { get; } = RuntimeInformation.OSArchitecture == Architecture.Arm64
        ? null
        : FindOnPath("qemu-aarch64-static") ?? FindOnPath("qemu-aarch64");

    /// <summary>Why the arm64 package cannot be built and run here, or null when it can.</summary>
    public static string? Unavailable { get; } = Check();

    private static string? Check()
    {
        if (RuntimeInformation.OSArchitecture == Architecture.Arm64)
        {
            return null;
        }

        List<string> missing = [];
        if (Qemu is null)
        {
            missing.Add("qemu-aarch64-static (qemu-user-static)");
        }

        (string Path, string What)[] files =
        [
            ("/lib/ld-linux-aarch64.so.1", "the arm64 dynamic loader (libc6:arm64)"),
            ("/usr/lib/aarch64-linux-gnu/libstdc++.so.6", "libstdc++6:arm64"),
            ("/usr/lib/aarch64-linux-gnu/libssl.so.3", "libssl3:arm64"),
            ("/usr/lib/aarch64-linux-gnu/crt1.o", "libc6-dev:arm64 (to link the arm64 executable)"),
        ];
        missing.AddRange(files.Where(f => !File.Exists(f.Path)).Select(f => f.What));
        if (FindOnPath("clang") is null || FindOnPath("ld.lld") is null)
        {
            missing.Add("clang and lld (to cross-link the arm64 executable)");
        }

        return missing.Count == 0
            ? null
            : $"the arm64 package cannot be built and run on this {RuntimeInformation.OSArchitecture} machine; missing: {string.Join(", ", missing)}. Install: {Install}";
    }

    private static string? FindOnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, name))
            .FirstOrDefault(File.Exists);
}

/// <summary>A fact about the arm64 package: skipped, saying what to install, where it cannot be built and run.</summary>
internal sealed class Arm64FactAttribute : FactAttribute
{
    public Arm64FactAttribute()
    {
        if (Arm64Emulation.Unavailable is { } reason)
        {
            Skip = reason;
        }
    }
}

/// <summary>A theory about the arm64 package: skipped, saying what to install, where it cannot be built and run.</summary>
internal sealed class Arm64TheoryAttribute : TheoryAttribute
{
    public Arm64TheoryAttribute()
    {
        if (Arm64Emulation.Unavailable is { } reason)
        {
            Skip = reason;
        }
    }
}
