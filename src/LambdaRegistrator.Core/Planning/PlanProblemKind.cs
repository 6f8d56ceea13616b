namespace LambdaRegistrator.Core.Planning;

/// <summary>Why a function or service was reported instead of (or as well as) being planned.</summary>
public enum PlanProblemKind
{
    /// <summary>A registrator tag has a value outside its allowed set; the function is left as it is.</summary>
    InvalidTags,

    /// <summary>Partition/namespace tags while ENTERPRISE is off; the function is left as it is.</summary>
    EnterpriseTagsWithoutEnterprise,

    /// <summary>The function's tags could not be read; it is left as it is.</summary>
    TagsUnknown,

    /// <summary>A service or config entry of the same name exists and is not this registrator's; nothing is written.</summary>
    NameCollision,

    /// <summary>Two functions of this inventory want the same service name; neither is written.</summary>
    DuplicateServiceName,

    /// <summary>An alias named in the aliases tag does not exist on the function; it is not registered.</summary>
    MissingAlias,

    /// <summary>The function is in another account, region or partition than the sync's source; it is skipped.</summary>
    NotInSource,

    /// <summary>The function is tagged for another datacenter than DATACENTER; not managed here.</summary>
    DatacenterNotManaged,

    /// <summary>The function's partition is not in PARTITIONS; not managed here.</summary>
    PartitionNotManaged,

    /// <summary>The scope the function wants was not read from Consul; not planned this time.</summary>
    ScopeNotObserved,

    /// <summary>The AWS inventory is incomplete: owned services without a function in it are kept.</summary>
    InventoryIncomplete,

    /// <summary>A service tagged managed-by-lambda-registrator without owner meta that no function here claims; never deleted on a name guess.</summary>
    UnclaimedLegacyService,

    /// <summary>An owned object whose owner meta cannot be read; left as it is.</summary>
    UnreadableOwnerMeta,

    /// <summary>A shared entry (terminating-gateway, exported-services) is missing or unreadable; the services are registered without it.</summary>
    SharedEntryUnavailable,
    /// <summary>The inventory listed a resource whose ARN is not an unqualified function ARN; it is skipped.</summary>
    UnrecognisedResource,
}
