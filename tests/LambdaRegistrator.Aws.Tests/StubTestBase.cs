using LambdaRegistrator.TestKit.Aws;

namespace LambdaRegistrator.Aws.Tests;

/// <summary>A fresh paging stub for each test (it is cheap: an in-process Kestrel on loopback).</summary>
public abstract class StubTestBase : IAsyncLifetime
{
    private AwsPagingStub? _stub;

    protected AwsPagingStub Stub => _stub ?? throw new InvalidOperationException("The stub is not started.");

    public async Task InitializeAsync() => _stub = await AwsPagingStub.StartAsync();

    public async Task DisposeAsync()
    {
        if (_stub is not null)
        {
            await _stub.DisposeAsync();
        }
    }
}
