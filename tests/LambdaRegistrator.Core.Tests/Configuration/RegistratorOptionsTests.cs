using LambdaRegistrator.Core.Configuration;

namespace LambdaRegistrator.Core.Tests.Configuration;

public sealed class RegistratorOptionsTests
{
    private static RegistratorOptionsResult Parse(params (string Name, string Value)[] variables)
    {
        var env = variables.ToDictionary(v => v.Name, v => v.Value);
        return RegistratorOptions.Parse(name => env.TryGetValue(name, out var value) ? value : null);
    }

    [Fact]
    public void Parse_EmptyEnvironment_UsesDocumentedDefaults()
    {
        var result = Parse();

        Assert.True(result.IsValid);
        var options = result.Options!;
        Assert.Equal("lambdas", options.NodeName);
        Assert.Null(options.Datacenter);
        Assert.False(options.Enterprise);
        Assert.Empty(options.Partitions);
        Assert.Equal(RegistratorLogLevel.Info, options.LogLevel);
        Assert.Equal(50, options.PageSize);
        Assert.Null(options.ConsulHttpTokenPath);
        Assert.Null(options.ConsulCACertPath);
        Assert.Null(options.ExtensionDataPrefix);
        Assert.Equal(ParameterTier.Standard, options.ExtensionDataTier);
        Assert.Equal("Standard", options.ExtensionDataTier.ToName());
        Assert.Null(options.RegistratorId);
        Assert.Equal(InventoryStrategy.Tagging, options.InventoryStrategy);
        Assert.Equal(ServiceDefaultsFormat.EnvoyExtension, options.ServiceDefaultsFormat);
        Assert.Equal(TimeSpan.FromSeconds(2), options.DeadlineMargin);
        Assert.Equal(8, options.MaxConcurrency);
    }

    [Fact]
    public void Parse_GoRegistratorEnvironment_ParsesLikeTheGoOriginal()
    {
        // The Go suite's TestSetupEnvironment values.
        var result = Parse(
            ("NODE_NAME", "lambdas"), ("ENTERPRISE", "false"), ("DATACENTER", "dc1"), ("PARTITIONS", "a,b"),
            ("LOG_LEVEL", "warn"), ("CONSUL_EXTENSION_DATA_PREFIX", "/path/to/data"));

        Assert.True(result.IsValid, string.Join("; ", result.Errors));
        var options = result.Options!;
        Assert.Equal("lambdas", options.NodeName);
        Assert.Equal("dc1", options.Datacenter);
        Assert.Equal(RegistratorLogLevel.Warn, options.LogLevel);
        Assert.Equal("/path/to/data", options.ExtensionDataPrefix);
        Assert.False(options.Enterprise);
        Assert.Equal(["a", "b"], options.Partitions);
    }

    [Fact]
    public void Parse_EveryVariableSet_ReadsEachOne()
    {
        var result = Parse(
            ("NODE_NAME", "lambda-node"), ("DATACENTER", "dc2"), ("ENTERPRISE", "TRUE"), ("PARTITIONS", " ap1 , default,,ap1 "),
            ("LOG_LEVEL", "DEBUG"), ("PAGE_SIZE", "25"), ("CONSUL_HTTP_TOKEN_PATH", "/consul/token"),
            ("CONSUL_CACERT_PATH", "arn:aws:ssm:us-east-1:123456789012:parameter/consul/ca"),
            ("CONSUL_EXTENSION_DATA_PREFIX", "/consul/ext/"), ("CONSUL_EXTENSION_DATA_TIER", "intelligent-tiering"),
            ("REGISTRATOR_ID", "prod/us-east-1"), ("INVENTORY_STRATEGY", "list-functions"),
            ("SERVICE_DEFAULTS_FORMAT", "legacy-meta"), ("DEADLINE_MARGIN_MS", "5000"), ("MAX_CONCURRENCY", "16"));

        Assert.True(result.IsValid, string.Join("; ", result.Errors));
        var options = result.Options!;
        Assert.Equal("lambda-node", options.NodeName);
        Assert.Equal("dc2", options.Datacenter);
        Assert.True(options.Enterprise);
        Assert.Equal(["ap1", "default"], options.Partitions);
        Assert.Equal(RegistratorLogLevel.Debug, options.LogLevel);
        Assert.Equal(25, options.PageSize);
        Assert.Equal("/consul/token", options.ConsulHttpTokenPath);
        Assert.Equal("arn:aws:ssm:us-east-1:123456789012:parameter/consul/ca", options.ConsulCACertPath);
        Assert.Equal("/consul/ext", options.ExtensionDataPrefix);
        Assert.Equal(ParameterTier.IntelligentTiering, options.ExtensionDataTier);
        Assert.Equal("Intelligent-Tiering", options.ExtensionDataTier.ToName());
        Assert.Equal("prod/us-east-1", options.RegistratorId);
        Assert.Equal(InventoryStrategy.ListFunctions, options.InventoryStrategy);
        Assert.Equal(ServiceDefaultsFormat.LegacyMeta, options.ServiceDefaultsFormat);
        Assert.Equal(TimeSpan.FromSeconds(5), options.DeadlineMargin);
        Assert.Equal(16, options.MaxConcurrency);
    }

    [Theory]
    [InlineData("Go spelling 1", "1", true)]
    [InlineData("Go spelling t", "t", true)]
    [InlineData("any-case true", "tRUE", true)]
    [InlineData("Go spelling 0", "0", false)]
    [InlineData("Go spelling F", "F", false)]
    [InlineData("upper-case FALSE", "FALSE", false)]
    public void Parse_EnterpriseBooleanSpellings_AreAccepted(string caseName, string value, bool expected)
    {
        var result = Parse(("ENTERPRISE", value));

        Assert.True(result.IsValid, caseName);
        Assert.Equal(expected, result.Options!.Enterprise);
    }

    [Fact]
    public void Parse_EnterpriseWithoutPartitions_ManagesTheDefaultPartition()
    {
        var options = Parse(("ENTERPRISE", "true")).Options!;

        Assert.Equal(["default"], options.Partitions);
    }

    [Fact]
    public void Parse_WhitespaceOnlyValue_CountsAsUnset()
    {
        var options = Parse(("PAGE_SIZE", "   "), ("NODE_NAME", "")).Options!;

        Assert.Equal(50, options.PageSize);
        Assert.Equal("lambdas", options.NodeName);
    }

    public static TheoryData<string, string, string, string> InvalidValues => new()
    {
        { "node name with a space", "NODE_NAME", "my node", "1 to 128 characters" },
        { "datacenter with a dot", "DATACENTER", "dc.1", "datacenter" },
        { "enterprise yes", "ENTERPRISE", "yes", "true or false" },
        { "partition with a slash", "PARTITIONS", "ok,bad/part", "admin partition" },
        { "log level verbose", "LOG_LEVEL", "verbose", "trace, debug, info, warn or error" },
        { "page size zero", "PAGE_SIZE", "0", "from 1 to 50" },
        { "page size above the ListFunctions cap", "PAGE_SIZE", "51", "from 1 to 50" },
        { "page size not a number", "PAGE_SIZE", "fifty", "whole number" },
        { "negative page size", "PAGE_SIZE", "-5", "whole number" },
        { "token path without leading slash", "CONSUL_HTTP_TOKEN_PATH", "consul/token", "starting with '/'" },
        { "token path in the reserved aws namespace", "CONSUL_HTTP_TOKEN_PATH", "/aws/token", "starting with '/'" },
        { "ca path that is an ARN of another service", "CONSUL_CACERT_PATH", "arn:aws:s3:::bucket/ca", "parameter ARN" },
        { "ca path with a trailing slash", "CONSUL_CACERT_PATH", "/consul/ca/", "starting with '/'" },
        { "extension prefix without leading slash", "CONSUL_EXTENSION_DATA_PREFIX", "consul/ext", "starting with '/'" },
        { "extension prefix of only a slash", "CONSUL_EXTENSION_DATA_PREFIX", "/", "starting with '/'" },
        { "extension tier lower-case typo", "CONSUL_EXTENSION_DATA_TIER", "premium", "Standard, Advanced or Intelligent-Tiering" },
        { "registrator id with a space", "REGISTRATOR_ID", "prod east", "1 to 128 characters" },
        { "inventory strategy typo", "INVENTORY_STRATEGY", "list", "tagging or list-functions" },
        { "service-defaults format typo", "SERVICE_DEFAULTS_FORMAT", "meta", "envoy-extension" },
        { "deadline margin negative", "DEADLINE_MARGIN_MS", "-1", "whole number" },
        { "deadline margin above fifteen minutes", "DEADLINE_MARGIN_MS", "900001", "from 0 to 900000" },
        { "max concurrency zero", "MAX_CONCURRENCY", "0", "from 1 to 64" },
        { "max concurrency too high", "MAX_CONCURRENCY", "65", "from 1 to 64" },
    };

    [Theory]
    [MemberData(nameof(InvalidValues))]
    public void Parse_InvalidValue_FailsWithMessageNamingVariableValueAndAllowedValues(string caseName, string variable, string value, string allowedFragment)
    {
        var result = Parse((variable, value));

        Assert.False(result.IsValid, caseName);
        Assert.Null(result.Options);
        var error = Assert.Single(result.Errors);
        Assert.Equal(variable, error.Variable);
        Assert.StartsWith($"{variable}=\"", error.Message, StringComparison.Ordinal);
        Assert.Contains(value.Split(',')[^1], error.Message, StringComparison.Ordinal);
        Assert.Contains("allowed:", error.Message, StringComparison.Ordinal);
        Assert.Contains(allowedFragment, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_SeveralInvalidValues_ReportsEveryOne()
    {
        var result = Parse(("PAGE_SIZE", "0"), ("LOG_LEVEL", "loud"), ("MAX_CONCURRENCY", "x"));

        Assert.Equal(["LOG_LEVEL", "PAGE_SIZE", "MAX_CONCURRENCY"], result.Errors.Select(e => e.Variable));
    }

    [Fact]
    public void ResolveRegistratorId_NoExplicitId_UsesAccountSlashRegion()
    {
        var options = Parse().Options!;

        Assert.Equal("123456789012/us-east-1", options.ResolveRegistratorId("123456789012", "us-east-1"));
    }

    [Fact]
    public void ResolveRegistratorId_ExplicitId_WinsOverAccountAndRegion()
    {
        var options = Parse(("REGISTRATOR_ID", "shared-consul-prod")).Options!;

        Assert.Equal("shared-consul-prod", options.ResolveRegistratorId("123456789012", "us-east-1"));
    }

    [Fact]
    public void EnvironmentVariables_Names_MatchTheDocumentedNames()
    {
        Assert.Equal(
            ["NODE_NAME", "DATACENTER", "ENTERPRISE", "PARTITIONS", "LOG_LEVEL", "PAGE_SIZE", "CONSUL_HTTP_TOKEN_PATH", "CONSUL_CACERT_PATH",
             "CONSUL_EXTENSION_DATA_PREFIX", "CONSUL_EXTENSION_DATA_TIER", "REGISTRATOR_ID", "INVENTORY_STRATEGY", "SERVICE_DEFAULTS_FORMAT",
             "DEADLINE_MARGIN_MS", "MAX_CONCURRENCY"],
            [EnvironmentVariables.NodeName, EnvironmentVariables.Datacenter, EnvironmentVariables.Enterprise, EnvironmentVariables.Partitions,
             EnvironmentVariables.LogLevel, EnvironmentVariables.PageSize, EnvironmentVariables.ConsulHttpTokenPath, EnvironmentVariables.ConsulCACertPath,
             EnvironmentVariables.ConsulExtensionDataPrefix, EnvironmentVariables.ConsulExtensionDataTier, EnvironmentVariables.RegistratorId,
             EnvironmentVariables.InventoryStrategy, EnvironmentVariables.ServiceDefaultsFormat, EnvironmentVariables.DeadlineMarginMs,
             EnvironmentVariables.MaxConcurrency]);
    }
}
