using System.Text.Json;

namespace LambdaRegistrator.Function.Runtime;

/// <summary>Writes the host's own rare messages (init failures, Runtime API trouble) as JSON lines.</summary>
internal sealed class RuntimeLog(Func<TextWriter> output)
{
    /// <summary>Stdout, opened on first use so a healthy cold start never pays for the console.</summary>
    public static RuntimeLog Console { get; } = new(() => System.Console.Out);

    public void Error(string message, string? awsRequestId = null) => Write("error", message, awsRequestId);

    public void Warning(string message, string? awsRequestId = null) => Write("warn", message, awsRequestId);

    private void Write(string level, string message, string? awsRequestId)
    {
        var line = JsonSerializer.Serialize(new RuntimeLogLine(level, message, awsRequestId), RuntimeJsonContext.Default.RuntimeLogLine);
        var writer = output();
        lock (writer)
        {
            writer.WriteLine(line);
            writer.Flush();
        }
    }
}
