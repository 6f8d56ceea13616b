using System.CommandLine;
using System.Globalization;
using LambdaRegistrator.Aws;
using LambdaRegistrator.Consul;
using LambdaRegistrator.Core.Configuration;

namespace LambdaRegistrator.Cli.Configuration;

/// <summary>
/// The flags that override environment variables (CONTRIBUTING.md "Configuration"), one set per command. Values are
/// passed through as strings: the engine's one configuration parser validates them and names the variable.
/// </summary>
internal sealed class ConfigurationOptions
{
    /// <summary>The CLI logs at warn unless LOG_LEVEL or --log-level says otherwise (the function's default is info).</summary>
    public const string DefaultLogLevel = "warn";

    private readonly List<(Option<string> Option, string Variable)> _values = [];
    private readonly Option<bool> _enterprise;

    /// <summary>Creates the flags; <paramref name="withDatacenter"/> is false for commands whose own <c>--datacenter</c> means more.</summary>
    public ConfigurationOptions(bool withDatacenter)
    {
        Add("--consul-addr", ConsulEnvironmentVariables.HttpAddr, "Consul HTTP API address, e.g. http://127.0.0.1:8500 or https://consul:8501.", "address");
        Add("--node-name", EnvironmentVariables.NodeName, "Consul node that holds the Lambda services (default lambdas).", "name");
        if (withDatacenter)
        {
            Add("--datacenter", EnvironmentVariables.Datacenter, "Manage only this datacenter's functions (default: every function, in the agent's datacenter).", "dc");
        }

        _enterprise = new Option<bool>("--enterprise")
        {
            Description = $"Consul Enterprise: admin partitions and namespaces [env: {EnvironmentVariables.Enterprise}].",
        };
        Add("--partitions", EnvironmentVariables.Partitions, "Comma-separated admin partitions to manage (Enterprise).", "p1,p2");
        Add("--registrator-id", EnvironmentVariables.RegistratorId, "Owner id written to Consul meta (default <account>/<region>).", "id");
        Add("--account-id", RegistratorHostOptions.AccountIdVariable, "AWS account of the managed functions, for the default registrator id and partial ARNs.", "12-digits");
        Add("--inventory-strategy", EnvironmentVariables.InventoryStrategy, "How a full sync lists functions: tagging or list-functions.", "strategy");
        Add("--service-defaults-format", EnvironmentVariables.ServiceDefaultsFormat, "envoy-extension (Consul 1.15+) or legacy-meta (Consul 1.12-1.14).", "format");
        Add("--terminating-gateway", EnvironmentVariables.TerminatingGateway, "List the Lambda services in this terminating gateway's terminating-gateway entry.", "gateway");
        Add("--export-to", EnvironmentVariables.ExportTo, "Export the Lambda services to these consumers in the exported-services entry: partition:<n>, peer:<n>, sameness-group:<n>.", "consumers");
        Add("--create-gateway-entries", EnvironmentVariables.CreateGatewayEntries, "true: create a missing terminating-gateway or exported-services entry (never deleted).", "true|false");
        Add("--log-level", EnvironmentVariables.LogLevel, $"JSON-lines logs on stderr at trace, debug, info, warn or error (CLI default {DefaultLogLevel}).", "level");
        Add("--region", AwsEndpoints.RegionVariable, "AWS region of the functions.", "region");
        Add("--endpoint-url", AwsEndpoints.EndpointUrlVariable, "AWS endpoint for every service (an emulator such as moto_server).", "url");
    }

    /// <summary>Adds every flag to <paramref name="command"/>.</summary>
    public void AddTo(Command command)
    {
        ArgumentNullException.ThrowIfNull(command);
        foreach (var (option, _) in _values)
        {
            command.Add(option);
        }

        command.Add(_enterprise);
    }

    /// <summary>The environment for this invocation: the given flags over <paramref name="environment"/>, then the CLI defaults.</summary>
    public LayeredEnvironment Apply(ParseResult parseResult, IReadOnlyDictionary<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(parseResult);
        var layered = new LayeredEnvironment(environment);
        foreach (var (option, variable) in _values)
        {
            if (parseResult.GetResult(option) is { Implicit: false } && parseResult.GetValue(option) is { } value)
            {
                layered.Override(variable, value, option.Name);
            }
        }

        if (parseResult.GetResult(_enterprise) is { Implicit: false })
        {
            layered.Override(EnvironmentVariables.Enterprise, parseResult.GetValue(_enterprise) ? "true" : "false", _enterprise.Name);
        }

        layered.Default(EnvironmentVariables.LogLevel, DefaultLogLevel);
        return layered;
    }

    private void Add(string name, string variable, string description, string helpName) =>
        _values.Add((new Option<string>(name)
        {
            Description = string.Create(CultureInfo.InvariantCulture, $"{description} [env: {variable}]"),
            HelpName = helpName,
        }, variable));
}
