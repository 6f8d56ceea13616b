using System.Text;

namespace LambdaRegistrator.Reliability.Tests.Infrastructure;

/// <summary>The real samples/events fixtures (linked as events/*.json), with the sample function "orders" renamed.</summary>
internal static class SampleEvents
{
    public static byte[] Load(string file, string functionName = "orders") =>
        Encoding.UTF8.GetBytes(Text(file, functionName));

    public static string Text(string file, string functionName = "orders") =>
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "events", file))
            .Replace("function:orders", "function:" + functionName, StringComparison.Ordinal)
            .Replace("\"orders\"", "\"" + functionName + "\"", StringComparison.Ordinal);
}
