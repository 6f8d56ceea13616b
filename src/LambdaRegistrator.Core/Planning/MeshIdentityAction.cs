namespace LambdaRegistrator.Core.Planning;

/// <summary>What to do with one service's mesh identity in SSM (<c>CONSUL_EXTENSION_DATA_PREFIX</c>).</summary>
public enum MeshIdentityAction
{
    /// <summary>Write it now: the service was just registered.</summary>
    Write,

    /// <summary>Write it only when the stored leaf certificate is missing or due (less than half of its lifetime left).</summary>
    Refresh,

    /// <summary>Delete it: the service was deregistered.</summary>
    Delete,
}
