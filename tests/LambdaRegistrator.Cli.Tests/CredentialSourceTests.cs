using LambdaRegistrator.TestKit.Aws;

namespace LambdaRegistrator.Cli.Tests;

/// <summary>
/// The CLI's AWS credential sources against moto_server, as a user runs it: the account learned with
/// sts:GetCallerIdentity, an assume-role profile, a web identity token file; and every broken source exits 2 with a
/// message naming it, no stack trace, nothing written.
/// </summary>
[Collection(SeededAwsDefinition.Name)]
public sealed class CredentialSourceTests(SeededAws aws) : IDisposable
{
    private const string OtherAccount = "210987654321";
    private readonly string _directory = Directory.CreateTempSubdirectory("registrator-credentials-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task Sync_NoAccountIdAndPlainCredentials_LearnsTheAccountFromStsAndOwnsUnderIt()
    {
        await using var consul = await Cli.StartConsulAsync();

        var run = await Cli.RunAsync(Cli.Environment(aws, consul, ("AWS_ACCOUNT_ID", null)), "sync");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal([SeededAws.Orders, $"{SeededAws.Orders}-live", SeededAws.Payments], await ConsulState.ServicesAsync(consul));
        using var http = new HttpClient();
        var catalog = await http.GetStringAsync(new Uri(consul.Address, "/v1/catalog/node-services/lambdas"));
        Assert.Contains($"{MotoServer.AccountId}/{MotoServer.Region}", catalog, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Plan_NoAccountId_PlansAsWithIt()
    {
        await using var consul = await Cli.StartConsulAsync();

        var run = await Cli.RunAsync(Cli.Environment(aws, consul, ("AWS_ACCOUNT_ID", null)), "plan");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("3 to register, 0 to update, 0 to deregister", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Plan_AssumeRoleProfile_ActsInTheRoleAccount()
    {
        await using var consul = await Cli.StartConsulAsync();
        var config = WriteConfig(
            "[profile base]",
            $"aws_access_key_id = {MotoServer.AccessKeyId}",
            $"aws_secret_access_key = {MotoServer.SecretAccessKey}",
            "[profile home-reader]",
            $"role_arn = arn:aws:iam::{MotoServer.AccountId}:role/registrator-reader",
            "source_profile = base",
            "[profile member]",
            $"role_arn = arn:aws:iam::{OtherAccount}:role/registrator-reader",
            "source_profile = base",
            "role_session_name = cli-test");
        var environment = ProfileEnvironment(consul, config);

        var home = await Cli.RunAsync(environment, "plan", "--profile", "home-reader");
        var member = await Cli.RunAsync(environment, "plan", "--profile", "member", "--output", "json");

        Assert.True(home.ExitCode == 0, home.ToString());
        Assert.Contains("3 to register", home.Stdout, StringComparison.Ordinal);
        // The seeded functions live in moto's default account; the member account has none.
        Assert.True(member.ExitCode == 0, member.ToString());
        Assert.DoesNotContain(SeededAws.Orders, member.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Plan_ProfileFlag_WinsOverAccessKeysInTheEnvironment()
    {
        await using var consul = await Cli.StartConsulAsync();
        var config = WriteConfig(
            "[profile base]",
            $"aws_access_key_id = {MotoServer.AccessKeyId}",
            $"aws_secret_access_key = {MotoServer.SecretAccessKey}",
            "[profile member]",
            $"role_arn = arn:aws:iam::{OtherAccount}:role/registrator-reader",
            "source_profile = base");
        var environment = Cli.Environment(aws, consul, ("AWS_ACCOUNT_ID", null), ("AWS_CONFIG_FILE", config), ("AWS_SHARED_CREDENTIALS_FILE", Missing));

        var run = await Cli.RunAsync(environment, "plan", "--profile", "member");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.DoesNotContain(SeededAws.Orders, run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Plan_WebIdentityTokenFile_AssumesTheRole()
    {
        await using var consul = await Cli.StartConsulAsync();
        var token = Path.Combine(_directory, "token");
        await File.WriteAllTextAsync(token, "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJjaSJ9.c2lnbmF0dXJl");
        var environment = Cli.Environment(
            aws,
            consul,
            ("AWS_ACCOUNT_ID", null),
            ("AWS_ACCESS_KEY_ID", null),
            ("AWS_SECRET_ACCESS_KEY", null),
            ("AWS_WEB_IDENTITY_TOKEN_FILE", token),
            ("AWS_ROLE_ARN", $"arn:aws:iam::{MotoServer.AccountId}:role/ci-deployer"),
            ("AWS_CONFIG_FILE", Missing),
            ("AWS_SHARED_CREDENTIALS_FILE", Missing));

        var run = await Cli.RunAsync(environment, "plan");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("3 to register", run.Stdout, StringComparison.Ordinal);
    }

    public static TheoryData<string, string[], (string, string?)[], string[]> BrokenSources => new()
    {
        { "profile not in the files", ["[profile base]", "aws_access_key_id = a", "aws_secret_access_key = b"], [("AWS_PROFILE", "nope")], ["'nope'", "aws configure --profile nope"] },
        { "role_arn without a source", ["[profile lonely]", "role_arn = arn:aws:iam::123456789012:role/r"], [("AWS_PROFILE", "lonely")], ["'lonely'", "source_profile"] },
        { "source_profile loop", ["[profile a]", "role_arn = arn:aws:iam::123456789012:role/r", "source_profile = b", "[profile b]", "role_arn = arn:aws:iam::123456789012:role/r", "source_profile = a"], [("AWS_PROFILE", "a")], ["'a'", "loop"] },
        { "source profile without keys", ["[profile member]", "role_arn = arn:aws:iam::123456789012:role/r", "source_profile = base", "[profile base]", "region = us-east-1"], [("AWS_PROFILE", "member")], ["'base'", "no credentials"] },
        { "credential_process fails", ["[profile proc]", "credential_process = /bin/false"], [("AWS_PROFILE", "proc")], ["'proc'", "credential_process"] },
        { "mfa_serial", ["[profile mfa]", "role_arn = arn:aws:iam::123456789012:role/r", "source_profile = mfa", "aws_access_key_id = a", "aws_secret_access_key = b", "mfa_serial = arn:aws:iam::123456789012:mfa/me"], [("AWS_PROFILE", "mfa")], ["'mfa'", "MFA"] },
        { "web identity token file missing", [], [("AWS_WEB_IDENTITY_TOKEN_FILE", "/nonexistent/token"), ("AWS_ROLE_ARN", "arn:aws:iam::123456789012:role/ci")], ["AWS_WEB_IDENTITY_TOKEN_FILE", "/nonexistent/token"] },
        { "web identity without a role", [], [("AWS_WEB_IDENTITY_TOKEN_FILE", "/nonexistent/token")], ["AWS_ROLE_ARN"] },
    };

    [Theory]
    [MemberData(nameof(BrokenSources))]
    public async Task Plan_BrokenCredentialSource_ExitsTwoNamingItWithoutStackTraceOrWrites(
        string caseName, string[] config, (string, string?)[] variables, string[] named)
    {
        await using var consul = await Cli.StartConsulAsync();
        var environment = ProfileEnvironment(consul, WriteConfig(config));
        foreach (var (name, value) in variables)
        {
            environment[name] = value;
        }

        foreach (var withAccountId in new[] { false, true })
        {
            environment["AWS_ACCOUNT_ID"] = withAccountId ? MotoServer.AccountId : null;
            var run = await Cli.RunAsync(environment, "sync");

            Assert.True(run.ExitCode == 2, $"{caseName} (AWS_ACCOUNT_ID {(withAccountId ? "set" : "unset")}): {run}");
            foreach (var text in named)
            {
                Assert.Contains(text, run.Stderr, StringComparison.Ordinal);
            }

            Assert.DoesNotContain("   at ", run.Stderr, StringComparison.Ordinal);
            Assert.DoesNotContain("Exception", run.Stderr, StringComparison.Ordinal);
            Assert.Equal(string.Empty, run.Stdout);
        }

        Assert.Equal(0, consul.Stats!.Writes);
    }

    [Theory]
    [InlineData("plan")]
    [InlineData("sync")]
    [InlineData("handle-event")]
    [InlineData("register")]
    [InlineData("deregister")]
    public async Task Help_EveryCommand_OffersProfile(string command)
    {
        var run = await Cli.RunAsync(Cli.OfflineEnvironment(), command, "--help");

        Assert.Contains("--profile", run.Stdout, StringComparison.Ordinal);
    }

    private string Missing => Path.Combine(_directory, "missing");

    private Dictionary<string, string?> ProfileEnvironment(TestKit.Consul.ConsulTarget consul, string config)
    {
        var environment = Cli.Environment(
            aws, consul, ("AWS_ACCOUNT_ID", null), ("AWS_ACCESS_KEY_ID", null), ("AWS_SECRET_ACCESS_KEY", null),
            ("AWS_CONFIG_FILE", config), ("AWS_SHARED_CREDENTIALS_FILE", Missing));
        return environment;
    }

    private string WriteConfig(params string[] lines)
    {
        var path = Path.Combine(_directory, $"config-{Guid.NewGuid():N}");
        File.WriteAllLines(path, lines);
        return path;
    }
}
