using LambdaRegistrator.Core.Configuration;
using LambdaRegistrator.Core.Planning;
using LambdaRegistrator.Core.Tags;
using Microsoft.Extensions.Logging.Abstractions;

namespace LambdaRegistrator.Tests.Fakes;

/// <summary>Fakes for every client plus a factory for a registrator over them.</summary>
internal sealed class Harness
{
    public const string RegistratorId = "123456789012/us-east-1";

    public FakeLambdaApi Lambda { get; } = new();

    public FakeTaggingApi Tagging { get; } = new();

    public FakeParameterStore Parameters { get; } = new();

    public FakeConsulClient Consul { get; } = new();

    /// <summary>The clock the registrator runs on (deadlines, grace, certificate refresh).</summary>
    public TimeProvider Time { get; set; } = TimeProvider.System;

    /// <summary>The region the registrator manages.</summary>
    public string Region { get; set; } = FakeLambdaApi.Region;

    /// <summary>Where the registrator logs (null logger unless a test captures the lines).</summary>
    public Microsoft.Extensions.Logging.ILogger Logger { get; set; } = NullLogger.Instance;

    /// <summary>How many times the registrator planned (every call of the planner).</summary>
    public int PlannerRuns => Volatile.Read(ref _plannerRuns);

    private int _plannerRuns;

    public static Dictionary<string, string> Enabled(params (string Key, string Value)[] more)
    {
        var tags = new Dictionary<string, string>(StringComparer.Ordinal) { [LambdaTags.Enabled] = "true" };
        foreach (var (key, value) in more)
        {
            tags[LambdaTags.Prefix + key] = value;
        }

        return tags;
    }

    public Registrator Create(params (string Name, string Value)[] environment) => Create(FakeLambdaApi.Account, environment);

    public Registrator Create(string? account, params (string Name, string Value)[] environment)
    {
        var variables = environment.ToDictionary(e => e.Name, e => e.Value, StringComparer.Ordinal);
        var parsed = RegistratorOptions.Parse(name => variables.GetValueOrDefault(name));
        Assert.True(parsed.IsValid, string.Join("; ", parsed.Errors));
        return Registrator.Create(
            parsed.Options!, Region, account, Lambda, Tagging, Parameters, Consul, Logger, Time,
            planner: (desired, observed, options) =>
            {
                Interlocked.Increment(ref _plannerRuns);
                return Planner.CreatePlan(desired, observed, options);
            });
    }
}
