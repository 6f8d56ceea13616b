using System.Text;
using System.Text.Json;

namespace LambdaRegistrator.ConsulSimulator.Acl;

/// <summary>
/// Parses ACL policy rules in Consul's HCL form (<c>service "web" { policy = "write" }</c>, <c>operator = "write"</c>)
/// or JSON form (<c>{"service":{"web":{"policy":"write"}}}</c>). Service and node rules are enforced; the other
/// resource kinds are accepted so that real-world policies load; agent rules and the global acl, operator, mesh,
/// peering and keyring policies are remembered too.
/// </summary>
internal static class AclRulesParser
{
    private static readonly HashSet<string> LabelledResources = new(StringComparer.Ordinal)
    {
        "service", "service_prefix", "node", "node_prefix", "key", "key_prefix", "agent", "agent_prefix", "session",
        "session_prefix", "event", "event_prefix", "query", "query_prefix", "identity", "identity_prefix",
    };

    private static readonly HashSet<string> GlobalResources = new(StringComparer.Ordinal) { "acl", "operator", "keyring", "mesh", "peering" };

    /// <summary>Parses rules; returns null and an error text when they are malformed.</summary>
    public static AclRuleSet? TryParse(string rules, out string? error)
    {
        error = null;
        var set = new AclRuleSet();
        try
        {
            var trimmed = rules.TrimStart();
            if (trimmed.StartsWith('{'))
            {
                ParseJson(trimmed, set);
            }
            else
            {
                new HclParser(rules).Parse(set);
            }

            return set;
        }
        catch (FormatException e)
        {
            error = e.Message;
            return null;
        }
        catch (JsonException e)
        {
            error = "invalid JSON: " + e.Message;
            return null;
        }
    }

    private static void Apply(AclRuleSet set, string resource, string? label, string policy)
    {
        var level = policy switch
        {
            "read" => AccessLevel.Read,
            "write" => AccessLevel.Write,
            "deny" => AccessLevel.Deny,
            "list" when resource is "key_prefix" or "acl" or "operator" => AccessLevel.Read,
            _ => throw new FormatException($"Invalid {resource} policy: \"{policy}\""),
        };
        if (label is null)
        {
            if (!GlobalResources.Contains(resource))
            {
                throw new FormatException($"unknown ACL rule \"{resource}\"");
            }

            set.AddGlobal(resource, level);
            return;
        }

        if (!LabelledResources.Contains(resource))
        {
            throw new FormatException($"unknown ACL rule block \"{resource}\"");
        }

        switch (resource)
        {
            case "service": set.Add(AclResource.Service, label, prefix: false, level); break;
            case "service_prefix": set.Add(AclResource.Service, label, prefix: true, level); break;
            case "node": set.Add(AclResource.Node, label, prefix: false, level); break;
            case "node_prefix": set.Add(AclResource.Node, label, prefix: true, level); break;
            case "agent": set.Add(AclResource.Agent, label, prefix: false, level); break;
            case "agent_prefix": set.Add(AclResource.Agent, label, prefix: true, level); break;
            default: break;
        }
    }

    private static void ParseJson(string json, AclRuleSet set)
    {
        using var document = JsonDocument.Parse(json);
        foreach (var resource in document.RootElement.EnumerateObject())
        {
            if (resource.Value.ValueKind == JsonValueKind.String)
            {
                Apply(set, resource.Name, null, resource.Value.GetString()!);
                continue;
            }

            var blocks = resource.Value.ValueKind == JsonValueKind.Array
                ? resource.Value.EnumerateArray().ToList()
                : [resource.Value];
            foreach (var block in blocks)
            {
                if (block.ValueKind != JsonValueKind.Object)
                {
                    throw new FormatException($"rule \"{resource.Name}\" must be an object of names to {{\"policy\": ...}}");
                }

                foreach (var labelled in block.EnumerateObject())
                {
                    var body = labelled.Value.ValueKind == JsonValueKind.Array && labelled.Value.GetArrayLength() > 0
                        ? labelled.Value[0]
                        : labelled.Value;
                    if (body.ValueKind != JsonValueKind.Object || !body.TryGetProperty("policy", out var policy)
                        || policy.ValueKind != JsonValueKind.String)
                    {
                        throw new FormatException($"rule {resource.Name} \"{labelled.Name}\" needs a \"policy\" string");
                    }

                    Apply(set, resource.Name, labelled.Name, policy.GetString()!);
                }
            }
        }
    }

    /// <summary>A small HCL reader for the block/attribute subset ACL rules use.</summary>
    private sealed class HclParser(string text)
    {
        private int _position;

        public void Parse(AclRuleSet set)
        {
            while (true)
            {
                var token = Next();
                if (token is null)
                {
                    return;
                }

                if (!IsIdentifier(token))
                {
                    throw new FormatException($"unexpected \"{token}\" at offset {_position}: expected a rule name");
                }

                var after = Next() ?? throw new FormatException($"unexpected end of rules after \"{token}\"");
                if (after == "=")
                {
                    var value = Next();
                    if (value == "{")
                    {
                        ParseNestedObject(set, token);
                        continue;
                    }

                    Apply(set, token, null, Unquote(value));
                    continue;
                }

                var label = Unquote(after);
                Expect("{");
                var policy = ParseBody();
                Apply(set, token, label, policy ?? throw new FormatException($"rule {token} \"{label}\" has no policy"));
            }
        }

        private void ParseNestedObject(AclRuleSet set, string resource)
        {
            // service = { "web" = { policy = "write" } }
            while (true)
            {
                var token = Next() ?? throw new FormatException("unexpected end of rules: missing '}'");
                if (token == "}")
                {
                    return;
                }

                if (token == ",")
                {
                    continue;
                }

                var label = Unquote(token);
                var equals = Next();
                if (equals != "=" && equals != "{")
                {
                    throw new FormatException($"expected '=' after \"{label}\"");
                }

                if (equals == "=")
                {
                    Expect("{");
                }

                var policy = ParseBody();
                Apply(set, resource, label, policy ?? throw new FormatException($"rule {resource} \"{label}\" has no policy"));
            }
        }

        private string? ParseBody()
        {
            string? policy = null;
            while (true)
            {
                var key = Next() ?? throw new FormatException("unexpected end of rules: missing '}'");
                if (key == "}")
                {
                    return policy;
                }

                if (key == ",")
                {
                    continue;
                }

                Expect("=");
                var value = Unquote(Next());
                if (key == "policy")
                {
                    policy = value;
                }
            }
        }

        private void Expect(string expected)
        {
            var token = Next();
            if (token != expected)
            {
                throw new FormatException($"expected '{expected}' but found \"{token ?? "end of rules"}\"");
            }
        }

        private static bool IsIdentifier(string token) => token.Length > 0 && (char.IsAsciiLetter(token[0]) || token[0] == '_');

        private static string Unquote(string? token)
        {
            if (token is null || token.Length < 2 || token[0] != '"')
            {
                throw new FormatException($"expected a quoted string but found \"{token ?? "end of rules"}\"");
            }

            return token[1..^1];
        }

        private string? Next()
        {
            SkipTrivia();
            if (_position >= text.Length)
            {
                return null;
            }

            var c = text[_position];
            if (c is '{' or '}' or '=' or ',' or '[' or ']')
            {
                _position++;
                return c.ToString();
            }

            if (c == '"')
            {
                var builder = new StringBuilder("\"");
                _position++;
                while (_position < text.Length && text[_position] != '"')
                {
                    if (text[_position] == '\\' && _position + 1 < text.Length)
                    {
                        _position++;
                    }

                    builder.Append(text[_position++]);
                }

                if (_position >= text.Length)
                {
                    throw new FormatException("unterminated string in rules");
                }

                _position++;
                return builder.Append('"').ToString();
            }

            var start = _position;
            while (_position < text.Length && (char.IsAsciiLetterOrDigit(text[_position]) || text[_position] is '_' or '-'))
            {
                _position++;
            }

            if (start == _position)
            {
                throw new FormatException($"unexpected character '{c}' at offset {start}");
            }

            return text[start.._position];
        }

        private void SkipTrivia()
        {
            while (_position < text.Length)
            {
                if (char.IsWhiteSpace(text[_position]))
                {
                    _position++;
                }
                else if (text[_position] == '#' || (text[_position] == '/' && _position + 1 < text.Length && text[_position + 1] == '/'))
                {
                    while (_position < text.Length && text[_position] != '\n')
                    {
                        _position++;
                    }
                }
                else if (text[_position] == '/' && _position + 1 < text.Length && text[_position + 1] == '*')
                {
                    var end = text.IndexOf("*/", _position + 2, StringComparison.Ordinal);
                    _position = end < 0 ? text.Length : end + 2;
                }
                else
                {
                    return;
                }
            }
        }
    }
}
