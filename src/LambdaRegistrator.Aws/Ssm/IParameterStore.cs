using LambdaRegistrator.Core.Configuration;
namespace LambdaRegistrator.Aws.Ssm;

/// <summary>The SSM Parameter Store calls the registrator makes (ACL token, CA certificate, extension data).</summary>
public interface IParameterStore
{
    /// <summary>Reads a parameter; null when it does not exist (ParameterNotFound).</summary>
    /// <param name="name">A name, an ARN, or <c>name:version</c>.</param>
    /// <param name="withDecryption">Decrypt SecureString values (needs kms:Decrypt).</param>
    /// <param name="cancellationToken">Stops the call and any retry wait.</param>
    Task<Parameter?> GetParameterAsync(string name, bool withDecryption = true, CancellationToken cancellationToken = default);

    /// <summary>Creates or overwrites a SecureString parameter and returns its new version.</summary>
    /// <param name="name">The parameter name.</param>
    /// <param name="value">The secret value.</param>
    /// <param name="tier">The tier; a Standard parameter holds at most 4 KB.</param>
    /// <param name="cancellationToken">Stops the call and any retry wait.</param>
    Task<long> PutSecureStringAsync(string name, string value, ParameterTier tier, CancellationToken cancellationToken = default);

    /// <summary>Deletes a parameter; false when it did not exist (ParameterNotFound), which callers usually tolerate.</summary>
    /// <param name="name">The parameter name.</param>
    /// <param name="cancellationToken">Stops the call and any retry wait.</param>
    Task<bool> DeleteParameterAsync(string name, CancellationToken cancellationToken = default);
}
