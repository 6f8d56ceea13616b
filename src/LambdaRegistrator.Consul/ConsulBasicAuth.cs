using System.Text;

namespace LambdaRegistrator.Consul;

/// <summary>
/// HTTP basic auth sent with every request (<c>CONSUL_HTTP_AUTH=user[:password]</c>), for a proxy in front of Consul;
/// Consul itself ignores it. Never logged: <see cref="ToString"/> shows neither part.
/// </summary>
/// <param name="Username">The user name (not empty, no control characters).</param>
/// <param name="Password">The password; empty when the value had no <c>:</c>.</param>
public sealed record ConsulBasicAuth(string Username, string Password)
{
    /// <summary>The <c>Authorization</c> header value: <c>Basic base64(user:password)</c> (UTF-8, RFC 7617).</summary>
    public string HeaderValue => "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes(Username + ":" + Password));

    /// <summary>
    /// Parses the variable as Consul's Go client does (<c>user:password</c>, split at the first <c>:</c>; no <c>:</c>
    /// means an empty password). An empty user name or a control character (a pasted newline) is refused; the error
    /// never quotes the value.
    /// </summary>
    public static ConsulBasicAuth? Parse(string value, out string? error)
    {
        ArgumentNullException.ThrowIfNull(value);
        error = null;
        var colon = value.IndexOf(':', StringComparison.Ordinal);
        var (user, password) = colon < 0 ? (value, string.Empty) : (value[..colon], value[(colon + 1)..]);
        if (user.Length == 0)
        {
            error = $"{ConsulEnvironmentVariables.HttpAuth} is malformed: the user name before ':' is empty (value not shown). Use user:password.";
            return null;
        }

        if (value.Any(char.IsControl))
        {
            error = $"{ConsulEnvironmentVariables.HttpAuth} is malformed: it holds a control character such as a line break (value not shown). Use user:password on one line.";
            return null;
        }

        return new ConsulBasicAuth(user, password);
    }

    /// <inheritdoc/>
    public override string ToString() => "ConsulBasicAuth { (set) }";
}
