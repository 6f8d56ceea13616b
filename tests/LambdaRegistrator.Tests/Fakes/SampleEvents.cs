using System.Text;

namespace LambdaRegistrator.Tests.Fakes;

/// <summary>The real samples/events fixtures (linked into the output as events/*.json), with the function renamed.</summary>
internal static class SampleEvents
{
    /// <summary>The function every sample event is about.</summary>
    public const string SampleFunction = "orders";

    public static byte[] Load(string file, string? functionName = null)
    {
        var text = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "events", file));
        if (functionName is not null)
        {
            // Names appear as "orders", "...:function:orders" and "...:function:orders:alias".
            text = text.Replace("function:" + SampleFunction, "function:" + functionName, StringComparison.Ordinal)
                .Replace("\"" + SampleFunction + "\"", "\"" + functionName + "\"", StringComparison.Ordinal);
        }

        return Encoding.UTF8.GetBytes(text);
    }
}
