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
    private const string ProfileVariable = "AWS_PROFILE";
    private const string AccessKeyIdVariable = "AWS_ACCESS_KEY_ID";
    private const string SecretAccessKeyVariable = "AWS_SECRET_ACCESS_KEY";
    private const string SessionTokenVariable = "AWS_SESSION_TOKEN";

    private readonly Option<bool> _enterprise;
    private readonly Option<string> _datacenter;
    private readonly Option<string> _profile;

    /// <summary>What <c>--datacenter</c> means for a command that manages every function's datacenter.</summary>
    public const string ManageDatacenter = "Manage only this datacenter's functions (default: every function, in the agent's datacenter).";

    /// <summary>Creates the flags; <paramref name="datacenterDescription"/> says what <c>--datacenter</c> (DATACENTER) means for the command.</summary>
    public ConfigurationOptions(string datacenterDescription = ManageDatacenter)
    {
        Add("--consul-addr", ConsulEnvironmentVariables.HttpAddr, "Consul HTTP API address, e.g. http://127.0.0.1:8500 or https://consul:8501.", "address");
        Add("--node-name", EnvironmentVariables.NodeName, "Consul node that holds the Lambda services (default lambdas).", "name");
        _datacenter = Add("--datacenter", EnvironmentVariables.Datacenter, datacenterDescription, "dc");

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
        _profile = new Option<string>("--profile")
        {
            Description = $"AWS profile of the shared config and credentials files; as with the AWS CLI it wins over {AccessKeyIdVariable}/{SecretAccessKeyVariable} [env: {ProfileVariable}].",
            HelpName = "name",
        };
    }

    /// <summary>The <c>--datacenter</c> given on the command line; null when not given.</summary>
    public string? Datacenter(ParseResult parseResult)
    {
        ArgumentNullException.ThrowIfNull(parseResult);
        return parseResult.GetValue(_datacenter);
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
        command.Add(_profile);
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

        if (parseResult.GetResult(_profile) is { Implicit: false } && parseResult.GetValue(_profile) is { } profile)
        {
            // Why: `aws --profile x` ignores access keys in the environment; so does this CLI, or the flag would silently lose.
            layered.Override(ProfileVariable, profile, _profile.Name);
            layered.Override(AccessKeyIdVariable, string.Empty, _profile.Name);
            layered.Override(SecretAccessKeyVariable, string.Empty, _profile.Name);
            layered.Override(SessionTokenVariable, string.Empty, _profile.Name);
        }

        layered.Default(EnvironmentVariables.LogLevel, DefaultLogLevel);
        return layered;
    }

    private Option<string> Add(string name, string variable, string description, string helpName)
    {
        var option = new Option<string>(name)
        {
            Description = string.Create(CultureInfo.InvariantCulture, $"{description} [env: {variable}]"),
            HelpName = helpName,
        };
        _values.Add((option, variable));
        return option;
    }
}
