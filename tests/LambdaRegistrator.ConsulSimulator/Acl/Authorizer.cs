using LambdaRegistrator.ConsulSimulator.Http;

namespace LambdaRegistrator.ConsulSimulator.Acl;

/// <summary>What one request may do: everything (ACLs off or a management token) or its token's merged rules over default deny.</summary>
internal sealed class Authorizer
{
    /// <summary>Why: the anonymous token's fixed AccessorID in Consul.</summary>
    public const string AnonymousAccessorId = "00000000-0000-0000-0000-000000000002";

    private Authorizer(string? accessorId, bool anonymous, bool allowAll, AclRuleSet rules)
    {
        AccessorId = accessorId;
        IsAnonymous = anonymous;
        AllowAll = allowAll;
        Rules = rules;
    }

    public static Authorizer Disabled { get; } = new(null, anonymous: false, allowAll: true, AclRuleSet.Empty);

    public static Authorizer Management(string accessorId) => new(accessorId, anonymous: false, allowAll: true, AclRuleSet.Empty);

    public static Authorizer ForRules(string accessorId, bool anonymous, AclRuleSet rules) => new(accessorId, anonymous, allowAll: false, rules);

    public string? AccessorId { get; }
    public bool IsAnonymous { get; }
    public bool AllowAll { get; }
    public AclRuleSet Rules { get; }

    public bool Allows(AclResource resource, string name, AccessLevel needed)
    {
        if (AllowAll)
        {
            return true;
        }

        var level = Rules.Lookup(resource, name);
        return level is { } granted && granted != AccessLevel.Deny && granted >= needed;
    }

    public bool ServiceRead(string name) => Allows(AclResource.Service, name, AccessLevel.Read);
    public bool ServiceWrite(string name) => Allows(AclResource.Service, name, AccessLevel.Write);
    public bool NodeRead(string name) => Allows(AclResource.Node, name, AccessLevel.Read);
    public bool NodeWrite(string name) => Allows(AclResource.Node, name, AccessLevel.Write);
    public bool AgentRead(string node) => Allows(AclResource.Agent, node, AccessLevel.Read);
    public bool CanManageAcls => AllowAll || Rules.AclWrite;
    public bool OperatorRead => GlobalAllows("operator", AccessLevel.Read);
    public bool OperatorWrite => GlobalAllows("operator", AccessLevel.Write);

    /// <summary>Why: <c>policyAuthorizer.MeshRead</c> uses the mesh rule when a policy sets one, else the operator rule.</summary>
    public bool MeshRead => AllowAll || (Rules.Global("mesh") is { } mesh ? Grants(mesh, AccessLevel.Read) : OperatorRead);

    /// <summary>Why: <c>policyAuthorizer.MeshWrite</c> uses the mesh rule when a policy sets one, else the operator rule.</summary>
    public bool MeshWrite => AllowAll || (Rules.Global("mesh") is { } mesh ? Grants(mesh, AccessLevel.Write) : OperatorWrite);

    private bool GlobalAllows(string resource, AccessLevel needed) =>
        AllowAll || (Rules.Global(resource) is { } level && Grants(level, needed));

    private static bool Grants(AccessLevel granted, AccessLevel needed) => granted != AccessLevel.Deny && granted >= needed;

    /// <summary>Consul's permission-denied text (acl/errors.go), including the anonymous-token sentence.</summary>
    public ConsulApiException Denied(string permission, string? name)
    {
        var on = name is null ? "" : $" on \"{name}\"";
        return IsAnonymous
            ? ConsulApiException.Forbidden(
                $"Permission denied: anonymous token lacks permission '{permission}'{on}. The anonymous token is used implicitly when a request does not specify a token.")
            : ConsulApiException.Forbidden($"Permission denied: token with AccessorID '{AccessorId}' lacks permission '{permission}'{on}");
    }

    /// <summary>True when list results filtered by this token should carry <c>X-Consul-Results-Filtered-By-ACLs</c>.</summary>
    public bool ReportsFiltering => !AllowAll && !IsAnonymous;
}
