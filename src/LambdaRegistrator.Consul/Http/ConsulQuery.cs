using System.Text;

namespace LambdaRegistrator.Consul.Http;

/// <summary>A query string in insertion order; empty values are left out.</summary>
internal sealed class ConsulQuery
{
    private readonly List<KeyValuePair<string, string>> _parameters = [];

    public ConsulQuery Add(string name, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            _parameters.Add(new(name, value));
        }

        return this;
    }

    public override string ToString()
    {
        if (_parameters.Count == 0)
        {
            return string.Empty;
        }

        var text = new StringBuilder();
        foreach (var (name, value) in _parameters)
        {
            text.Append(text.Length == 0 ? '?' : '&').Append(Uri.EscapeDataString(name)).Append('=').Append(Uri.EscapeDataString(value));
        }

        return text.ToString();
    }
}
