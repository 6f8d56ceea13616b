using LambdaRegistrator.ConsulSimulator.Http;

namespace LambdaRegistrator.ConsulSimulator.Acl;

/// <summary>Policies and tokens (replicated, so one store for all datacenters). Guarded by the state lock.</summary>
internal sealed class AclStore
{
    private readonly Dictionary<string, AclPolicy> _policies = new(StringComparer.Ordinal);
    private readonly Dictionary<string, AclToken> _tokensBySecret = new(StringComparer.Ordinal);
    private readonly string? _bootstrapSecret;

    public AclStore(string? bootstrapSecret)
    {
        _bootstrapSecret = bootstrapSecret;
        Reset();
    }

    public bool Enabled => _bootstrapSecret is not null;

    public void Reset()
    {
        _policies.Clear();
        _tokensBySecret.Clear();
        if (_bootstrapSecret is not null)
        {
            _tokensBySecret[_bootstrapSecret] = new AclToken(
                Guid.NewGuid().ToString(), _bootstrapSecret, "Bootstrap Token (Global Management)", [], Management: true, 1, 1);
        }
    }

    /// <summary>Resolves the request token: anonymous when absent, 403 <c>ACL not found</c> when unknown.</summary>
    public Authorizer Resolve(string? secret)
    {
        if (!Enabled)
        {
            return Authorizer.Disabled;
        }

        if (string.IsNullOrEmpty(secret))
        {
            return Authorizer.ForRules(Authorizer.AnonymousAccessorId, anonymous: true, AclRuleSet.Empty);
        }

        if (secret is "allow" or "deny" or "manage")
        {
            // Why: Consul's static authorizer names resolve to an error that maps to neither 403 pattern (<c>acl/static_authorizer.go</c>, <c>acl/errors.go</c>).
            throw ConsulApiException.Internal("Cannot resolve root ACL");
        }

        if (!_tokensBySecret.TryGetValue(secret, out var token))
        {
            throw ConsulApiException.Forbidden("ACL not found");
        }

        if (token.Management)
        {
            return Authorizer.Management(token.AccessorId);
        }

        var rules = new AclRuleSet();
        foreach (var id in token.PolicyIds)
        {
            if (_policies.TryGetValue(id, out var policy))
            {
                rules.MergeFrom(policy.Parsed);
            }
        }

        return Authorizer.ForRules(token.AccessorId, anonymous: false, rules);
    }

    public AclPolicy? FindPolicy(string idOrName) =>
        _policies.GetValueOrDefault(idOrName) ?? _policies.Values.FirstOrDefault(p => string.Equals(p.Name, idOrName, StringComparison.Ordinal));

    public void Put(AclPolicy policy) => _policies[policy.Id] = policy;

    public AclToken? FindTokenByAccessor(string accessorId) =>
        _tokensBySecret.Values.FirstOrDefault(t => string.Equals(t.AccessorId, accessorId, StringComparison.OrdinalIgnoreCase));

    public bool SecretInUse(string secret) => _tokensBySecret.ContainsKey(secret);

    public void Put(AclToken token)
    {
        foreach (var stale in _tokensBySecret.Where(t => t.Value.AccessorId == token.AccessorId).Select(t => t.Key).ToList())
        {
            _tokensBySecret.Remove(stale);
        }

        _tokensBySecret[token.SecretId] = token;
    }
}
