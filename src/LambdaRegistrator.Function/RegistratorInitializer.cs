using LambdaRegistrator.Aws;

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
        var metricsErrors = new List<string>();
        var metrics = MetricsSettings.Read(environment, metricsErrors);
        try
        {
            var registrator = await Registrator.CreateAsync(environment, hostOptions, cancellationToken).ConfigureAwait(false);
            if (metricsErrors.Count > 0)
            {
                registrator.Dispose();
                throw new FunctionInitializationException(RegistratorErrorTypes.InvalidConfiguration, string.Join(" ", metricsErrors));
            }

            var writer = new MetricsWriter(
                metrics, hostOptions.LogOutput ?? Console.Out, hostOptions.TimeProvider, environment(FunctionEnvironmentVariables.FunctionName));
            return new RegistratorInvocationHandler(registrator, writer);
        }
        catch (RegistratorConfigurationException e)
        {
            // Every problem at once: the engine's and the metric settings'.
            var message = metricsErrors.Count == 0 ? e.Message : e.Message + " " + string.Join(" ", metricsErrors);
            throw new FunctionInitializationException(ErrorTypeOf(e), message, e);
        }
        catch (AwsConfigurationException e)
        {
            // Credentials resolved lazily on the first SSM read (no AWS_ACCESS_KEY_ID, no role).
            throw new FunctionInitializationException(RegistratorErrorTypes.InvalidConfiguration, e.Message, e);
        }
    }

    // Why two types: a secret that cannot be read is fixed in SSM or IAM, a bad variable in the function's configuration.
    private static string ErrorTypeOf(RegistratorConfigurationException exception) =>
        exception.SecretUnavailable ? RegistratorErrorTypes.SecretUnavailable : RegistratorErrorTypes.InvalidConfiguration;
}
