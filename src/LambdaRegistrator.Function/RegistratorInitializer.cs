using LambdaRegistrator.Aws;
using LambdaRegistrator.Core.Configuration;

namespace LambdaRegistrator.Function;

/// <summary>
/// Creates the <see cref="Registrator"/> once per container from the environment (configuration, SSM secrets, AWS and
/// Consul clients) and serves every invocation with it. A configuration or secret problem becomes a typed init error
/// whose message lists every problem (never a secret value).
/// </summary>
internal sealed class RegistratorInitializer(RegistratorHostOptions hostOptions) : IFunctionInitializer
{
    public async Task<IInvocationHandler> InitializeAsync(Func<string, string?> environment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(environment);
        try
        {
            var registrator = await Registrator.CreateAsync(environment, hostOptions, cancellationToken).ConfigureAwait(false);
            return new RegistratorInvocationHandler(registrator);
        }
        catch (RegistratorConfigurationException e)
        {
            throw new FunctionInitializationException(ErrorTypeOf(e, environment), e.Message, e);
        }
        catch (AwsConfigurationException e)
        {
            // Credentials resolved lazily on the first SSM read (no AWS_ACCESS_KEY_ID, no role).
            throw new FunctionInitializationException(RegistratorErrorTypes.InvalidConfiguration, e.Message, e);
        }
    }

    /// <summary>
    /// <c>Registrator.SecretUnavailable</c> when every problem is about reading CONSUL_HTTP_TOKEN_PATH or CONSUL_CACERT_PATH
    /// from SSM, otherwise <c>Registrator.InvalidConfiguration</c>.
    /// </summary>
    /// <remarks>
    /// Why: <see cref="Registrator.CreateAsync"/> reads SSM only after every variable parsed; so when the registrator's own
    /// variables parse cleanly, problems naming a secret path come from reading the secret (missing, empty, access
    /// denied, SSM unreachable), which an operator fixes in SSM or IAM rather than in the function's configuration.
    /// </remarks>
    private static string ErrorTypeOf(RegistratorConfigurationException exception, Func<string, string?> environment)
    {
        string[] secretPrefixes = [EnvironmentVariables.ConsulHttpTokenPath + "=\"", EnvironmentVariables.ConsulCACertPath + "=\""];
        var aboutSecrets = exception.Problems.Count > 0
            && exception.Problems.All(p => secretPrefixes.Any(prefix => p.StartsWith(prefix, StringComparison.Ordinal)));
        return aboutSecrets && RegistratorOptions.Parse(environment).Errors.Count == 0
            ? RegistratorErrorTypes.SecretUnavailable
            : RegistratorErrorTypes.InvalidConfiguration;
    }
}
