using System.Net;

namespace LambdaRegistrator.Consul.Errors;

/// <summary>Consul answered 403: the ACL token is unknown or lacks a permission (named in <see cref="Permission"/> and <see cref="Resource"/> when Consul says which).</summary>
public sealed class ConsulPermissionDeniedException : ConsulException
{
    /// <summary>Creates an error with a generic message.</summary>
    public ConsulPermissionDeniedException()
    {
    }

    /// <summary>Creates an error with <paramref name="message"/>.</summary>
    public ConsulPermissionDeniedException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an error with <paramref name="message"/> caused by <paramref name="innerException"/>.</summary>
    public ConsulPermissionDeniedException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the error for one denied request.</summary>
    public ConsulPermissionDeniedException(
        string message,
        string request,
        string responseBody,
        string? permission,
        string? resource,
        bool tokenNotFound,
        bool anonymous)
        : base(message, request, HttpStatusCode.Forbidden, responseBody, isTransient: false)
    {
        Permission = permission;
        Resource = resource;
        TokenNotFound = tokenNotFound;
        Anonymous = anonymous;
    }

    /// <summary>The missing rule, e.g. <c>service:write</c>, when Consul named it.</summary>
    public string? Permission { get; }

    /// <summary>What the rule applies to, e.g. the service name <c>web</c>, when Consul named it.</summary>
    public string? Resource { get; }

    /// <summary>Consul does not know the token (<c>ACL not found</c>).</summary>
    public bool TokenNotFound { get; }

    /// <summary>No token was sent, so Consul used the anonymous token.</summary>
    public bool Anonymous { get; }
}
