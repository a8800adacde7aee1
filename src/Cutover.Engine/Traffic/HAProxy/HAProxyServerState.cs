namespace Cutover.Engine.Traffic.HAProxy;

/// <summary>One server line of <c>show servers state</c>.</summary>
internal sealed record HAProxyServerState(string Backend, string Server, string Address, int OperationalState,
    int AdministrativeState, int UserWeight, int InitialWeight)
{
    private const int MaintenanceFlags = 0x01 | 0x02 | 0x04 | 0x20 | 0x40;   // forced, inherited, config, resolution, hostname
    private const int DrainFlags = 0x08 | 0x10;                               // forced, inherited

    /// <summary>srv_op_state 2: SRV_ST_RUNNING.</summary>
    public bool IsUp => OperationalState == 2;

    public bool IsInMaintenance => (AdministrativeState & MaintenanceFlags) != 0;

    public bool IsDraining => (AdministrativeState & DrainFlags) != 0;

    /// <summary>The weight that decides new requests: 0 unless the server is up, not in maintenance and not draining.</summary>
    public int EffectiveWeight => IsUp && !IsInMaintenance && !IsDraining ? UserWeight : 0;

    /// <summary>e.g. "UP", "UP, DRAIN", "DOWN, MAINT".</summary>
    public string Describe()
    {
        var op = OperationalState switch { 0 => "DOWN", 1 => "STARTING", 2 => "UP", 3 => "STOPPING", _ => $"op state {OperationalState}" };
        return op + (IsInMaintenance ? ", MAINT" : string.Empty) + (IsDraining ? ", DRAIN" : string.Empty);
    }
}
