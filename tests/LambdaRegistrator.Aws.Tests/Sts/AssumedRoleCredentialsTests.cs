using LambdaRegistrator.TestKit.Aws;
using Microsoft.Extensions.Time.Testing;

namespace LambdaRegistrator.Aws.Tests.Sts;

public sealed class AssumedRoleCredentialsTests : IAsyncLifetime
{
    private const string Role = "arn:aws:iam::111111111111:role/registrator-source";
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
    private StsStub? _sts;

    private StsStub Sts => _sts!;

    public async Task InitializeAsync()
    {
        _sts = await StsStub.StartAsync();
        _sts.Now = _time.GetUtcNow;
    }

    public async Task DisposeAsync() => await Sts.DisposeAsync();

    [Fact]
    public async Task GetCredentials_CalledTwice_AssumesTheRoleOnceWithTheGivenSessionAndExternalId()
    {
        using var home = Home();
        var credentials = home.AssumeRole(new AssumeRoleSettings(Role) { ExternalId = "ext-1", SessionName = "registrator-test" });

        var first = await credentials.GetCredentialsAsync(CancellationToken.None);
        var second = await credentials.GetCredentialsAsync(CancellationToken.None);

        Assert.Same(first, second);
        var call = Assert.Single(Sts.Calls);
        Assert.Equal("AssumeRole", call.Action);
        Assert.Contains($"RoleArn={Role}", call.Body, StringComparison.Ordinal);
        Assert.Contains("ExternalId=ext-1", call.Body, StringComparison.Ordinal);
        Assert.Contains("RoleSessionName=registrator-test", call.Body, StringComparison.Ordinal);
        Assert.Equal(_time.GetUtcNow() + TimeSpan.FromHours(1), credentials.ExpiresAt);
    }

    [Fact]
    public async Task GetCredentials_WithinTheRefreshWindow_AssumesTheRoleAgain()
    {
        using var home = Home();
        var credentials = home.AssumeRole(new AssumeRoleSettings(Role));
        var first = await credentials.GetCredentialsAsync(CancellationToken.None);

        _time.Advance(TimeSpan.FromHours(1) - AssumedRoleCredentials.RefreshBefore - TimeSpan.FromSeconds(1));
        var stillCached = await credentials.GetCredentialsAsync(CancellationToken.None);
        _time.Advance(TimeSpan.FromSeconds(2));
        var refreshed = await credentials.GetCredentialsAsync(CancellationToken.None);

        Assert.Same(first, stillCached);
        Assert.NotEqual(first.AccessKey, refreshed.AccessKey);
        Assert.Equal(2, Sts.Calls.Count);
    }

    [Fact]
    public async Task GetCredentials_ConcurrentCallers_ShareOneAssumeRole()
    {
        using var home = Home();
        var credentials = home.AssumeRole(new AssumeRoleSettings(Role));

        var all = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => credentials.GetCredentialsAsync(CancellationToken.None)));

        Assert.Single(all.Select(c => c.AccessKey).Distinct());
        Assert.Single(Sts.Calls);
    }

    [Fact]
    public async Task GetCredentials_RoleDenied_ThrowsTypedExceptionNamingTheRole()
    {
        Sts.DeniedRoles.Add(Role);
        using var home = Home();
        var credentials = home.AssumeRole(new AssumeRoleSettings(Role) { ExternalId = "ext-1" });

        var exception = await Assert.ThrowsAsync<AwsCredentialsException>(() => credentials.GetCredentialsAsync(CancellationToken.None));

        Assert.Equal(Role, exception.RoleArn);
        Assert.Contains($"sts:AssumeRole on {Role} was denied", exception.Message, StringComparison.Ordinal);
        Assert.Contains("trust policy", exception.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("ext-1", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetCredentials_RefreshFailsWhileCachedStillValid_KeepsTheCachedOnes()
    {
        using var home = Home();
        var credentials = home.AssumeRole(new AssumeRoleSettings(Role));
        var first = await credentials.GetCredentialsAsync(CancellationToken.None);
        Sts.FailAll = true;

        _time.Advance(TimeSpan.FromMinutes(58));
        var kept = await credentials.GetCredentialsAsync(CancellationToken.None);
        _time.Advance(TimeSpan.FromMinutes(3));
        var exception = await Assert.ThrowsAsync<AwsCredentialsException>(() => credentials.GetCredentialsAsync(CancellationToken.None));

        Assert.Same(first, kept);
        Assert.Equal(Role, exception.RoleArn);
    }

    [Fact]
    public async Task ClientsWithAssumedRole_AssumeTheRoleBeforeTheirFirstCall()
    {
        using var home = Home();
        var environment = Environment(Sts.Endpoint);
        using var member = AwsClients.Create(
            name => environment.GetValueOrDefault(name),
            new AwsClientOptions { TimeProvider = _time, Credentials = home.AssumeRole(new AssumeRoleSettings(Role)) });

        Assert.Equal("123456789012", await member.GetCallerAccountAsync(CancellationToken.None));

        Assert.Equal(["AssumeRole", "GetCallerIdentity"], Sts.Calls.Select(c => c.Action));
    }

    private AwsClients Home()
    {
        var environment = Environment(Sts.Endpoint);
        return AwsClients.Create(name => environment.GetValueOrDefault(name), new AwsClientOptions { TimeProvider = _time });
    }

    private static Dictionary<string, string> Environment(Uri sts) => new(MotoServer.EnvironmentFor(new Uri("http://127.0.0.1:1")))
    {
        ["AWS_ENDPOINT_URL_STS"] = sts.AbsoluteUri.TrimEnd('/'),
    };
}

/// <summary>The same provider against moto_server, which models several accounts.</summary>
public sealed class AssumedRoleCredentialsMotoTests(MotoFixture moto) : IClassFixture<MotoFixture>
{
    [Fact]
    public async Task AssumeRole_IntoAnotherAccount_CallsActInThatAccount()
    {
        var environment = moto.Moto.Environment;
        using var home = AwsClients.Create(name => environment.GetValueOrDefault(name));
        using var member = AwsClients.Create(
            name => environment.GetValueOrDefault(name),
            new AwsClientOptions { Credentials = home.AssumeRole(new AssumeRoleSettings("arn:aws:iam::210987654321:role/member")) });

        Assert.Equal(MotoServer.AccountId, await home.GetCallerAccountAsync(CancellationToken.None));
        Assert.Equal("210987654321", await member.GetCallerAccountAsync(CancellationToken.None));
    }
}
