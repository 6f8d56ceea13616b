using System.Text.Json;
using LambdaRegistrator.Core.ConfigEntries;
using LambdaRegistrator.Core.Configuration;

namespace LambdaRegistrator.Core.Tests.ConfigEntries;

/// <summary>Entries shared with other owners: only the registrator's own items change; every other item and field is written back exactly.</summary>
public sealed class SharedServicesBodyTests
{
    private static readonly ExportConsumer[] Peer = [new(ExportConsumerKind.Peer, "dc2")];

    private static Dictionary<string, JsonElement> Fields(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.Clone());
    }

    private static string Services(ConfigEntryBody body) => body.ToFields().TryGetValue("Services", out var list) ? list.GetRawText() : "(none)";

    private const string Gateway = """
        {"Services":[{"Name":"db","CAFile":"/ca.pem","CertFile":"/c.pem","KeyFile":"/k.pem","SNI":"db.example"},{"Name":"legacy"}],"Hash":42,"Extra":{"x":1}}
        """;

    [Fact]
    public void Apply_AddToGatewayListingOthers_AppendsAndKeepsEveryOtherItemAndFieldExactly()
    {
        var body = Assert.IsType<TerminatingGateway>(ConfigEntryKinds.Read("terminating-gateway", Fields(Gateway)));

        var merged = body.Apply([TerminatingGateway.Item("orders", null)], [])!;

        Assert.Equal("""[{"Name":"db","CAFile":"/ca.pem","CertFile":"/c.pem","KeyFile":"/k.pem","SNI":"db.example"},{"Name":"legacy"},{"Name":"orders"}]""", Services(merged));
        Assert.Equal("""{"x":1}""", merged.ToFields()["Extra"].GetRawText());
        Assert.Equal("42", merged.ToFields()["Hash"].GetRawText());
    }

    [Fact]
    public void Apply_ServiceAlreadyListedWithItsOwnTlsFields_NothingChanges()
    {
        var body = (SharedServicesBody)ConfigEntryKinds.Read("terminating-gateway", Fields(Gateway));

        Assert.Null(body.Apply([TerminatingGateway.Item("DB", null)], []));
    }

    [Fact]
    public void Apply_RemoveOwnItemBetweenOthers_OthersKeepTheirOrder()
    {
        var body = (SharedServicesBody)ConfigEntryKinds.Read("terminating-gateway", Fields("""{"Services":[{"Name":"a"},{"Name":"orders"},{"Name":"b"}]}"""));

        var merged = body.Apply([], [TerminatingGateway.Item("orders", null)])!;

        Assert.Equal("""[{"Name":"a"},{"Name":"b"}]""", Services(merged));
    }

    [Fact]
    public void Apply_RemoveTheLastItem_ServicesOmitted()
    {
        var body = (SharedServicesBody)ConfigEntryKinds.Read("terminating-gateway", Fields("""{"Services":[{"Name":"orders"}]}"""));

        Assert.Equal("(none)", Services(body.Apply([], [TerminatingGateway.Item("orders", null)])!));
    }

    [Fact]
    public void Apply_RemoveServiceNotListed_NothingChanges()
    {
        var body = (SharedServicesBody)ConfigEntryKinds.Read("terminating-gateway", Fields(Gateway));

        Assert.Null(body.Apply([], [TerminatingGateway.Item("orders", null)]));
    }

    [Fact]
    public void Apply_EnterpriseNamespaces_ItemsOfTheSameNameInAnotherNamespaceAreOthers()
    {
        var body = (SharedServicesBody)ConfigEntryKinds.Read("terminating-gateway", Fields("""{"Services":[{"Name":"orders","Namespace":"team","Partition":"default"}]}"""));

        var merged = body.Apply([TerminatingGateway.Item("orders", "default")], [])!;

        Assert.Equal("""[{"Name":"orders","Namespace":"team","Partition":"default"},{"Name":"orders","Namespace":"default"}]""", Services(merged));
        Assert.Null(merged.Apply([TerminatingGateway.Item("orders", null)], []));
    }

    [Fact]
    public void Apply_ExportedItemWithOtherConsumers_ReplacedInPlace()
    {
        var body = (SharedServicesBody)ConfigEntryKinds.Read("exported-services", Fields("""
            {"Services":[{"Name":"web","Consumers":[{"Peer":"x"}]},{"Name":"orders","Consumers":[{"Peer":"old"}]},{"Name":"db","Consumers":[{"Peer":"y"}]}]}
            """));

        var merged = body.Apply([ExportedServices.Item("orders", null, Peer)], [])!;

        Assert.Equal("""[{"Name":"web","Consumers":[{"Peer":"x"}]},{"Name":"orders","Consumers":[{"Peer":"dc2"}]},{"Name":"db","Consumers":[{"Peer":"y"}]}]""", Services(merged));
    }

    [Fact]
    public void InSync_ExportedConsumersAsConsulReturnsThem_ComparedAsASet()
    {
        var found = SharedItem.Read(JsonDocument.Parse("""{"Name":"orders","Consumers":[{"Peer":"b","Partition":""},{"peer_name":"a"}]}""").RootElement);
        var wanted = ExportedServices.Item("orders", null, [new(ExportConsumerKind.Peer, "a"), new(ExportConsumerKind.Peer, "b")]);

        Assert.True(new ExportedServices().InSync(found, wanted));
        Assert.False(new ExportedServices().InSync(found, ExportedServices.Item("orders", null, Peer)));
    }

    [Fact]
    public void Item_ExportedToEveryKind_ConsulFieldNames()
    {
        var item = ExportedServices.Item("orders", "default",
            [new(ExportConsumerKind.Partition, "web"), new(ExportConsumerKind.Peer, "dc2"), new(ExportConsumerKind.SamenessGroup, "all")]);

        Assert.Equal("""{"Name":"orders","Namespace":"default","Consumers":[{"Partition":"web"},{"Peer":"dc2"},{"SamenessGroup":"all"}]}""", item.Value.GetRawText());
    }
}
