using LambdaRegistrator.Aws;
using LambdaRegistrator.Aws.Ssm;
using LambdaRegistrator.Consul;
using LambdaRegistrator.Core.Configuration;

namespace LambdaRegistrator;

/// <summary>
/// Reads the Consul ACL token (<c>CONSUL_HTTP_TOKEN_PATH</c>) and CA certificate (<c>CONSUL_CACERT_PATH</c>) from SSM once
/// per process and puts them into the Consul client options, in memory only. Values never reach logs or messages.
/// </summary>
internal static class ConsulSecretReader
{
    /// <summary>The options with the SSM secrets applied; every problem is collected in <paramref name="problems"/>.</summary>
    public static async Task<ConsulClientOptions> ApplyAsync(
        ConsulClientOptions consul, RegistratorOptions options, IParameterStore parameters, List<string> problems, CancellationToken cancellationToken)
    {
        if (options.ConsulHttpTokenPath is { } tokenPath)
        {
            var token = await ReadAsync(parameters, EnvironmentVariables.ConsulHttpTokenPath, tokenPath, problems, cancellationToken).ConfigureAwait(false);
            if (token is not null)
            {
                // Why: like the Go registrator, the SSM token wins over CONSUL_HTTP_TOKEN / CONSUL_HTTP_TOKEN_FILE.
                consul = consul with { Token = token.Trim() };
            }
        }

        if (options.ConsulCACertPath is { } caPath)
        {
            var ca = await ReadAsync(parameters, EnvironmentVariables.ConsulCACertPath, caPath, problems, cancellationToken).ConfigureAwait(false);
            if (ca is not null)
            {
                consul = consul with { CaCertificatePem = ca };
            }
        }

        return consul;
    }

    private static async Task<string?> ReadAsync(IParameterStore parameters, string variable, string path, List<string> problems, CancellationToken cancellationToken)
    {
        try
        {
            var parameter = await parameters.GetParameterAsync(path, withDecryption: true, cancellationToken).ConfigureAwait(false);
            if (parameter is null)
            {
                problems.Add($"{variable}=\"{path}\" names an SSM parameter that does not exist; create it or correct the variable.");
                return null;
            }

            if (string.IsNullOrWhiteSpace(parameter.Value))
            {
                problems.Add($"{variable}=\"{path}\" names an empty SSM parameter; store the value in it.");
                return null;
            }

            return parameter.Value;
        }
        catch (AwsServiceException exception)
        {
            var advice = exception.IsAccessDenied ? " Grant ssm:GetParameter (and kms:Decrypt for SecureString) on it to the registrator's role." : string.Empty;
            problems.Add($"{variable}=\"{path}\": reading the SSM parameter failed: {exception.Message}{advice}");
            return null;
        }
    }
}
