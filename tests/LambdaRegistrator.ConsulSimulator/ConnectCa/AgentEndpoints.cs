using System.Globalization;
using LambdaRegistrator.ConsulSimulator.Http;
using LambdaRegistrator.ConsulSimulator.Json;

namespace LambdaRegistrator.ConsulSimulator.ConnectCa;

/// <summary>Agent endpoints: Connect CA roots and leaf certificates, plus <c>/v1/status/leader</c> for readiness probes.</summary>
internal sealed class AgentEndpoints
{
    private readonly State.SimulatorState _state;

    public AgentEndpoints(State.SimulatorState state)
    {
        _state = state;
    }

    public void Register(RouteTable routes)
    {
        routes.Add("/v1/agent/connect/ca/roots", ["GET"], RootsAsync);
        routes.Add("/v1/connect/ca/roots", ["GET"], RootsAsync);
        routes.Add("/v1/agent/connect/ca/leaf/", ["GET"], LeafAsync, ":service");
        routes.Add("/v1/status/leader", ["GET"], _ => Task.FromResult(ApiResponse.JsonLiteral("\"127.0.0.1:8300\"")));
    }

    /// <summary>Go's time.Time JSON form (RFC 3339 with nanoseconds, trailing zeros trimmed).</summary>
    internal static string GoTime(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture);

    private async Task<ApiResponse> RootsAsync(ApiRequest request)
    {
        var options = QueryOptions.Parse(request);
        if (options.Index is >= 1)
        {
            // The roots never rotate in the simulator: a blocking query at the current index waits out its time.
            await Task.Delay(options.Wait, request.Aborted);
        }

        var ca = _state.Ca;
        var root = new CaRootView(
            ca.RootId,
            "Consul CA Primary Cert",
            ca.RootSerial,
            ca.SigningKeyId,
            "",
            GoTime(ca.Root.NotBefore.ToUniversalTime()),
            GoTime(ca.Root.NotAfter.ToUniversalTime()),
            ca.RootPem,
            [],
            true,
            "0001-01-01T00:00:00Z",
            "ec",
            256,
            1,
            1);
        return JsonReply.Of(new CaRootsView(ca.RootId, ca.TrustDomain, [root]), SimulatorJsonContext.Wire.CaRootsView, request.Pretty)
            .WithQueryMeta(1);
    }

    private async Task<ApiResponse> LeafAsync(ApiRequest request)
    {
        var tenancy = request.ResolveTenancy();
        var options = QueryOptions.Parse(request);
        var service = request.Remainder;
        if (service.Length == 0)
        {
            throw ConsulApiException.BadRequest("Missing service name");
        }

        lock (_state.Sync)
        {
            var authz = _state.Acl.Resolve(request.Token);
            if (!authz.ServiceWrite(service))
            {
                throw authz.Denied("service:write", service);
            }

            if (_state.Settings.Enterprise)
            {
                _state.Tenancies.EnsureExists(tenancy);
            }
        }

        var enterprise = _state.Settings.Enterprise;
        var leaf = _state.Ca.Leaf(tenancy, request.AgentDatacenter, service, enterprise);
        if (options.Index is { } index && index >= leaf.Index)
        {
            // Blocking on a leaf: wait for its renewal (or the wait time), then return whatever is current. Loops because
            // a timer may fire a little before the wall clock reaches the renewal time.
            var ca = _state.Ca;
            var deadline = ca.Now + options.Wait;
            while (leaf.Index <= index && ca.Now < deadline)
            {
                var untilRenewal = leaf.RenewAt - ca.Now + TimeSpan.FromMilliseconds(5);
                var untilDeadline = deadline - ca.Now;
                var delay = untilRenewal < untilDeadline ? untilRenewal : untilDeadline;
                if (delay > TimeSpan.Zero)
                {
                    await Task.Delay(delay, request.Aborted);
                }

                leaf = _state.Ca.Leaf(tenancy, request.AgentDatacenter, service, enterprise);
            }
        }

        var view = new LeafCertificateView(
            leaf.SerialNumber,
            leaf.CertPem,
            leaf.PrivateKeyPem,
            leaf.Service,
            leaf.ServiceUri,
            GoTime(leaf.ValidAfter),
            GoTime(leaf.ValidBefore),
            enterprise ? tenancy.Namespace : null,
            enterprise ? tenancy.Partition : null,
            leaf.Index,
            leaf.Index);
        return JsonReply.Of(view, SimulatorJsonContext.Wire.LeafCertificateView, request.Pretty).WithQueryMeta(leaf.Index);
    }
}
