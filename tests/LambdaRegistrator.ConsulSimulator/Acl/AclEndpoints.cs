using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using LambdaRegistrator.ConsulSimulator.ConnectCa;
using LambdaRegistrator.ConsulSimulator.Http;
using LambdaRegistrator.ConsulSimulator.Json;
using LambdaRegistrator.ConsulSimulator.State;

namespace LambdaRegistrator.ConsulSimulator.Acl;

/// <summary>
/// Test-setup ACL endpoints: <c>PUT /v1/acl/policy</c>, <c>PUT /v1/acl/token</c>, <c>GET /v1/acl/token/self</c> and
/// <c>GET /v1/acl/token/:accessor</c>. Writing needs <c>acl:write</c> (a management token); ACLs off → 401.
/// </summary>
internal sealed class AclEndpoints
{
    private readonly SimulatorState _state;

    public AclEndpoints(SimulatorState state)
    {
        _state = state;
    }

    public void Register(RouteTable routes)
    {
        routes.Add("/v1/acl/policy", ["PUT"], PolicyAsync);
        routes.Add("/v1/acl/token", ["PUT"], TokenAsync);
        routes.Add("/v1/acl/token/", ["GET"], ReadTokenAsync, ":accessor");
    }

    private void EnsureEnabled()
    {
        if (!_state.Acl.Enabled)
        {
            throw new ConsulApiException(401, "ACL support disabled");
        }
    }

    private static async Task<T> ReadAsync<T>(ApiRequest request, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> typeInfo)
    {
        var body = await request.ReadBodyAsync();
        try
        {
            return JsonSerializer.Deserialize(body, typeInfo) ?? throw ConsulApiException.BadRequest("Request decode failed: body is null");
        }
        catch (JsonException e)
        {
            throw ConsulApiException.BadRequest("Request decode failed: " + e.Message);
        }
    }

    private static string Hash(string text) => Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    private static AclPolicyView View(AclPolicy policy) =>
        new(policy.Id, policy.Name, policy.Description, policy.Rules, null, Hash(policy.Rules), policy.CreateIndex, policy.ModifyIndex);

    private AclTokenView View(AclToken token) => new(
        token.AccessorId,
        token.SecretId,
        token.Description,
        [.. token.PolicyIds.Select(id => new AclPolicyLink(id, _state.Acl.FindPolicy(id)?.Name ?? ""))],
        false,
        AgentEndpoints.GoTime(DateTimeOffset.UtcNow),
        Hash(token.AccessorId + string.Join(',', token.PolicyIds)),
        token.CreateIndex,
        token.ModifyIndex);

    private async Task<ApiResponse> PolicyAsync(ApiRequest request)
    {
        EnsureEnabled();
        var body = await ReadAsync(request, SimulatorJsonContext.Wire.AclPolicyRequest);
        AclPolicy policy;
        lock (_state.Sync)
        {
            var authz = _state.Acl.Resolve(request.Token);
            if (!authz.CanManageAcls)
            {
                throw authz.Denied("acl:write", null);
            }

            if (string.IsNullOrEmpty(body.Name))
            {
                throw ConsulApiException.BadRequest("Invalid Policy: no name set");
            }

            var rules = AclRulesParser.TryParse(body.Rules ?? "", out var error)
                        ?? throw ConsulApiException.BadRequest($"Invalid Policy: failed to parse rules: {error}");
            var existing = _state.Acl.FindPolicy(body.Name);
            if (existing is not null && existing.Id != body.ID)
            {
                throw ConsulApiException.BadRequest($"Invalid Policy: A Policy with Name \"{body.Name}\" already exists");
            }

            var primary = _state.Primary;
            var index = primary.WriteIndex();
            policy = new AclPolicy(body.ID ?? Guid.NewGuid().ToString(), body.Name, body.Description ?? "", body.Rules ?? "", rules, index, index);
            _state.Acl.Put(policy);
            primary.Commit();
        }

        return JsonReply.Of(View(policy), SimulatorJsonContext.Wire.AclPolicyView, request.Pretty);
    }

    private async Task<ApiResponse> TokenAsync(ApiRequest request)
    {
        EnsureEnabled();
        var body = await ReadAsync(request, SimulatorJsonContext.Wire.AclTokenRequest);
        AclToken token;
        lock (_state.Sync)
        {
            var authz = _state.Acl.Resolve(request.Token);
            if (!authz.CanManageAcls)
            {
                throw authz.Denied("acl:write", null);
            }

            var policyIds = new List<string>();
            foreach (var link in body.Policies ?? [])
            {
                var policy = _state.Acl.FindPolicy(link.ID ?? link.Name ?? "")
                             ?? throw ConsulApiException.BadRequest(
                                 $"Invalid Token: cannot find policy {(link.ID is not null ? "ID" : "Name")} \"{link.ID ?? link.Name}\"; create it with PUT /v1/acl/policy first");
                policyIds.Add(policy.Id);
            }

            var secret = string.IsNullOrEmpty(body.SecretID) ? Guid.NewGuid().ToString() : body.SecretID;
            var accessor = string.IsNullOrEmpty(body.AccessorID) ? Guid.NewGuid().ToString() : body.AccessorID;
            var existing = _state.Acl.FindTokenByAccessor(accessor);
            if (existing is null && _state.Acl.SecretInUse(secret))
            {
                throw ConsulApiException.BadRequest("Invalid Token: SecretID is already in use");
            }

            var primary = _state.Primary;
            var index = primary.WriteIndex();
            token = new AclToken(accessor, secret, body.Description ?? "", policyIds, Management: false, existing?.CreateIndex ?? index, index);
            _state.Acl.Put(token);
            primary.Commit();
        }

        return JsonReply.Of(View(token), SimulatorJsonContext.Wire.AclTokenView, request.Pretty);
    }

    private Task<ApiResponse> ReadTokenAsync(ApiRequest request)
    {
        EnsureEnabled();
        lock (_state.Sync)
        {
            var authz = _state.Acl.Resolve(request.Token);
            AclToken? token;
            if (request.Remainder == "self")
            {
                token = authz.IsAnonymous ? null : _state.Acl.FindTokenByAccessor(authz.AccessorId ?? "");
            }
            else
            {
                if (!authz.CanManageAcls)
                {
                    throw authz.Denied("acl:read", null);
                }

                token = _state.Acl.FindTokenByAccessor(request.Remainder);
            }

            return Task.FromResult(token is null
                ? ApiResponse.Text(403, "ACL not found")
                : JsonReply.Of(View(token), SimulatorJsonContext.Wire.AclTokenView, request.Pretty));
        }
    }
}
