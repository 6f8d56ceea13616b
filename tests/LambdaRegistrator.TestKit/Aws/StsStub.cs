using System.Globalization;
using System.Security;
using Microsoft.AspNetCore.Http;

namespace LambdaRegistrator.TestKit.Aws;

/// <summary>
/// An STS endpoint on loopback (Query protocol): AssumeRole, AssumeRoleWithWebIdentity and GetCallerIdentity, with
/// credentials that expire <see cref="Lifetime"/> after <see cref="Now"/> (a test's virtual clock). Counts every call,
/// and answers AccessDenied for roles in <see cref="DeniedRoles"/> or while <see cref="FailAll"/> is set.
/// </summary>
public sealed class StsStub : IAsyncDisposable
{
    private readonly Lock _lock = new();
    private readonly List<(string Action, string Body)> _calls = [];
    private LoopbackHttpServer? _server;
    private int _issued;

    private StsStub()
    {
    }

    /// <summary>The endpoint to set as AWS_ENDPOINT_URL_STS.</summary>
    public Uri Endpoint => _server?.Endpoint ?? throw new InvalidOperationException("The stub is not started.");

    /// <summary>The clock the issued credentials' expiration is counted from.</summary>
    public Func<DateTimeOffset> Now { get; set; } = () => DateTimeOffset.UtcNow;

    /// <summary>How long issued credentials live.</summary>
    public TimeSpan Lifetime { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Roles whose AssumeRole is denied.</summary>
    public HashSet<string> DeniedRoles { get; } = new(StringComparer.Ordinal);

    /// <summary>While true, every call is denied.</summary>
    public bool FailAll { get; set; }

    /// <summary>Every call so far: the action and the form body.</summary>
    public IReadOnlyList<(string Action, string Body)> Calls
    {
        get
        {
            lock (_lock)
            {
                return [.. _calls];
            }
        }
    }

    /// <summary>Starts the stub on a free loopback port.</summary>
    public static async Task<StsStub> StartAsync(CancellationToken cancellationToken = default)
    {
        var stub = new StsStub();
        stub._server = await LoopbackHttpServer.StartAsync(stub.HandleAsync, cancellationToken).ConfigureAwait(false);
        return stub;
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync().ConfigureAwait(false);
        }
    }

    private async Task HandleAsync(HttpContext context)
    {
        var form = await context.Request.ReadFormAsync().ConfigureAwait(false);
        var action = form["Action"].ToString();
        var role = form["RoleArn"].ToString();
        int serial;
        lock (_lock)
        {
            _calls.Add((action, string.Join('&', form.Select(pair => $"{pair.Key}={pair.Value}"))));
            serial = ++_issued;
        }

        context.Response.ContentType = "text/xml";
        if (FailAll || DeniedRoles.Contains(role))
        {
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            await context.Response.WriteAsync(
                $"<ErrorResponse><Error><Type>Sender</Type><Code>AccessDenied</Code><Message>User is not authorized to perform: sts:{action} on resource: {SecurityElement.Escape(role)}</Message></Error></ErrorResponse>")
                .ConfigureAwait(false);
            return;
        }

        var body = action switch
        {
            "GetCallerIdentity" => "<GetCallerIdentityResult><Account>123456789012</Account><Arn>arn:aws:iam::123456789012:user/stub</Arn><UserId>AIDSTUB</UserId></GetCallerIdentityResult>",
            _ => $"<{action}Result><Credentials><AccessKeyId>ASIASTUB{serial}</AccessKeyId><SecretAccessKey>secret{serial}</SecretAccessKey>"
                + $"<SessionToken>token{serial}</SessionToken><Expiration>{(Now() + Lifetime).UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture)}</Expiration>"
                + $"</Credentials></{action}Result>",
        };
        await context.Response.WriteAsync($"<{action}Response xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\">{body}</{action}Response>").ConfigureAwait(false);
    }
}
