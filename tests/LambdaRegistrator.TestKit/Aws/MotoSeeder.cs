using System.IO.Compression;
using System.Text;
using System.Text.Json;
using Amazon;
using Amazon.Runtime;
using Amazon.Runtime.Signing;

namespace LambdaRegistrator.TestKit.Aws;

/// <summary>
/// Creates AWS resources in moto with directly signed requests (IAM roles, Lambda functions with tags, versions,
/// aliases, SSM parameters), so tests seed state without going through the clients under test.
/// </summary>
public sealed class MotoSeeder : IDisposable
{
    private const string Runtime = "python3.12";
    private static readonly byte[] FunctionZip = BuildZip();
    private readonly HttpClient _http = new(new SocketsHttpHandler { AllowAutoRedirect = false });
    private readonly string _endpoint;
    private readonly RegionEndpoint _region;
    private readonly AWSCredentials _credentials;
    private readonly string _accountId;

    internal MotoSeeder(Uri endpoint, string region, string accountId = MotoServer.AccountId, AWSCredentials? credentials = null)
    {
        _endpoint = endpoint.AbsoluteUri.TrimEnd('/');
        _region = RegionEndpoint.GetBySystemName(region);
        _accountId = accountId;
        _credentials = credentials ?? new BasicAWSCredentials(MotoServer.AccessKeyId, MotoServer.SecretAccessKey);
    }

    /// <summary>
    /// A seeder acting in <paramref name="accountId"/>: moto answers sts:AssumeRole for a role of any account, and
    /// requests signed with those credentials act in that account (dispose it).
    /// </summary>
    internal static async Task<MotoSeeder> InAccountAsync(Uri endpoint, string region, string accountId, CancellationToken cancellationToken)
    {
        using var home = new MotoSeeder(endpoint, region);
        var form = "Action=AssumeRole&Version=2011-06-15&RoleSessionName=seeder"
            + $"&RoleArn={Uri.EscapeDataString($"arn:aws:iam::{accountId}:role/moto-seeder")}";
        var xml = Encoding.UTF8.GetString(await home.SendAsync(
            "sts", HttpMethod.Post, "/", Encoding.UTF8.GetBytes(form), "application/x-www-form-urlencoded", null, cancellationToken).ConfigureAwait(false));
        string Element(string name)
        {
            var start = xml.IndexOf($"<{name}>", StringComparison.Ordinal) + name.Length + 2;
            return xml[start..xml.IndexOf($"</{name}>", start, StringComparison.Ordinal)];
        }

        var credentials = new SessionAWSCredentials(Element("AccessKeyId"), Element("SecretAccessKey"), Element("SessionToken"));
        return new MotoSeeder(endpoint, region, accountId, credentials);
    }

    /// <summary>Creates an IAM role Lambda can assume (moto rejects CreateFunction without one) and returns its ARN.</summary>
    public async Task<string> CreateRoleAsync(string roleName, CancellationToken cancellationToken = default)
    {
        const string trust = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"lambda.amazonaws.com"},"Action":"sts:AssumeRole"}]}""";
        var form = $"Action=CreateRole&Version=2010-05-08&RoleName={Uri.EscapeDataString(roleName)}&AssumeRolePolicyDocument={Uri.EscapeDataString(trust)}";
        await SendAsync("iam", HttpMethod.Post, "/", Encoding.UTF8.GetBytes(form), "application/x-www-form-urlencoded", null, cancellationToken)
            .ConfigureAwait(false);
        return $"arn:aws:iam::{_accountId}:role/{roleName}";
    }

    /// <summary>Creates a function (a tiny in-memory zip) with the given tags and returns its ARN.</summary>
    public async Task<string> CreateFunctionAsync(
        string functionName, string roleArn, IReadOnlyDictionary<string, string>? tags = null, CancellationToken cancellationToken = default)
    {
        var body = Json(writer =>
        {
            writer.WriteString("FunctionName", functionName);
            writer.WriteString("Runtime", Runtime);
            writer.WriteString("Role", roleArn);
            writer.WriteString("Handler", "index.handler");
            writer.WriteStartObject("Code");
            writer.WriteBase64String("ZipFile", FunctionZip);
            writer.WriteEndObject();
            WriteTags(writer, tags);
        });
        using var document = await SendJsonAsync(HttpMethod.Post, "/2015-03-31/functions", body, cancellationToken).ConfigureAwait(false);
        return document.RootElement.GetProperty("FunctionArn").GetString()!;
    }

    /// <summary>Publishes the function's current code as a new version and returns the version number.</summary>
    public async Task<string> PublishVersionAsync(string functionName, CancellationToken cancellationToken = default)
    {
        using var document = await SendJsonAsync(
            HttpMethod.Post, $"/2015-03-31/functions/{Uri.EscapeDataString(functionName)}/versions", Json(_ => { }), cancellationToken).ConfigureAwait(false);
        return document.RootElement.GetProperty("Version").GetString()!;
    }

    /// <summary>Creates an alias pointing at a published version and returns the alias ARN.</summary>
    public async Task<string> CreateAliasAsync(string functionName, string aliasName, string functionVersion, CancellationToken cancellationToken = default)
    {
        var body = Json(writer =>
        {
            writer.WriteString("Name", aliasName);
            writer.WriteString("FunctionVersion", functionVersion);
        });
        using var document = await SendJsonAsync(
            HttpMethod.Post, $"/2015-03-31/functions/{Uri.EscapeDataString(functionName)}/aliases", body, cancellationToken).ConfigureAwait(false);
        return document.RootElement.GetProperty("AliasArn").GetString()!;
    }

    /// <summary>Adds or replaces tags on a function.</summary>
    public async Task TagResourceAsync(string functionArn, IReadOnlyDictionary<string, string> tags, CancellationToken cancellationToken = default)
    {
        // Why: moto with auth on mis-verifies %3A in paths; auth is off here, and AWS itself wants the ARN encoded.
        using var _ = await SendJsonAsync(
            HttpMethod.Post, $"/2017-03-31/tags/{Uri.EscapeDataString(functionArn)}", Json(writer => WriteTags(writer, tags)), cancellationToken)
            .ConfigureAwait(false);
    }

    /// <summary>Removes tags from a function (Lambda UntagResource).</summary>
    public async Task UntagResourceAsync(string functionArn, IReadOnlyList<string> tagKeys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(tagKeys);
        var query = string.Join("&", tagKeys.Select(k => "tagKeys=" + Uri.EscapeDataString(k)));
        await SendAsync("lambda", HttpMethod.Delete, $"/2017-03-31/tags/{Uri.EscapeDataString(functionArn)}?{query}", null, null, null, cancellationToken)
            .ConfigureAwait(false);
    }

    /// <summary>Deletes a function.</summary>
    public async Task DeleteFunctionAsync(string functionName, CancellationToken cancellationToken = default) =>
        await SendAsync("lambda", HttpMethod.Delete, $"/2015-03-31/functions/{Uri.EscapeDataString(functionName)}", null, null, null, cancellationToken)
            .ConfigureAwait(false);

    /// <summary>Writes an SSM parameter (<c>String</c> or <c>SecureString</c>), overwriting any existing one.</summary>
    public async Task PutParameterAsync(string name, string value, string type = "SecureString", CancellationToken cancellationToken = default)
    {
        var body = Json(writer =>
        {
            writer.WriteString("Name", name);
            writer.WriteString("Value", value);
            writer.WriteString("Type", type);
            writer.WriteBoolean("Overwrite", true);
        });
        await SendAsync("ssm", HttpMethod.Post, "/", body, "application/x-amz-json-1.1", "AmazonSSM.PutParameter", cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public void Dispose() => _http.Dispose();

    private static void WriteTags(Utf8JsonWriter writer, IReadOnlyDictionary<string, string>? tags)
    {
        if (tags is null)
        {
            return;
        }

        writer.WriteStartObject("Tags");
        foreach (var (key, value) in tags)
        {
            writer.WriteString(key, value);
        }

        writer.WriteEndObject();
    }

    private static byte[] Json(Action<Utf8JsonWriter> write)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartObject();
            write(writer);
            writer.WriteEndObject();
        }

        return stream.ToArray();
    }

    private static byte[] BuildZip()
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            var entry = zip.CreateEntry("index.py");
            using var writer = new StreamWriter(entry.Open(), new UTF8Encoding(false));
            writer.Write("def handler(event, context):\n    return event\n");
        }

        return stream.ToArray();
    }

    private async Task<JsonDocument> SendJsonAsync(HttpMethod method, string path, byte[] body, CancellationToken cancellationToken)
    {
        var response = await SendAsync("lambda", method, path, body, "application/json", null, cancellationToken).ConfigureAwait(false);
        return JsonDocument.Parse(response);
    }

    private async Task<byte[]> SendAsync(
        string service, HttpMethod method, string path, byte[]? body, string? contentType, string? target, CancellationToken cancellationToken)
    {
        var uri = new Uri(_endpoint + path);
        var signing = new AWSSigningRequest { HttpMethod = method, RequestUri = uri, Content = body ?? [] };
        if (contentType is not null)
        {
            signing.Headers["Content-Type"] = contentType;
        }

        if (target is not null)
        {
            signing.Headers["X-Amz-Target"] = target;
        }

        var signed = await AWSSigV4Signer.SignAsync(
            signing, new AWSSigV4Parameters { Credentials = _credentials, Region = _region, Service = service }, cancellationToken).ConfigureAwait(false);
        using var message = new HttpRequestMessage(method, uri);
        if (body is not null)
        {
            message.Content = new ByteArrayContent(body);
            if (contentType is not null)
            {
                message.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
            }
        }

        if (target is not null)
        {
            message.Headers.TryAddWithoutValidation("X-Amz-Target", target);
        }

        foreach (var (name, value) in signed.Headers)
        {
            message.Headers.TryAddWithoutValidation(name, value);
        }

        using var response = await _http.SendAsync(message, cancellationToken).ConfigureAwait(false);
        var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException(
                $"Seeding moto failed: {method} {path} ({service}) answered {(int)response.StatusCode}: {Encoding.UTF8.GetString(bytes)}");
        }

        return bytes;
    }
}
