namespace LambdaRegistrator.ConsulSimulator.ConfigEntries;

/// <summary>The Go types the schema decoder knows.</summary>
internal enum FieldKind
{
    /// <summary><c>string</c>, decoded weakly (numbers and booleans become text).</summary>
    String,

    /// <summary><c>map[string]string</c>.</summary>
    StringMap,

    /// <summary>A slice of structs described by <see cref="FieldSpec.Item"/>.</summary>
    StructList,

    /// <summary>A field that is decoded but whose value the simulator only stores (<c>Hash</c>: recomputed by Normalize).</summary>
    Ignored,
}
