namespace Cutover;

/// <summary>Blue is the new environment, Green the current one.</summary>
public enum CutoverEnvironment
{
    Blue,
    Green,
}
