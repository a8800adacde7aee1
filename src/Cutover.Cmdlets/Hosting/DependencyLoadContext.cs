using System.Reflection;
using System.Runtime.Loader;

namespace Cutover.Commands.Hosting;

/// <summary>
/// The module's private load context: the engine and every package it uses load from Dependencies/,
/// so other modules' copies of Npgsql, AWSSDK.Core and the rest never collide with ours.
/// </summary>
internal sealed class DependencyLoadContext : AssemblyLoadContext
{
    private readonly string _directory;

    public DependencyLoadContext(string directory)
        : base("Cutover.Dependencies")
    {
        _directory = directory;
    }

    protected override Assembly? Load(AssemblyName assemblyName)
    {
        // Abstractions is shared with the cmdlets: it must come from the default context.
        if (assemblyName.Name == "Cutover.Abstractions")
            return null;
        var path = Path.Combine(_directory, assemblyName.Name + ".dll");
        return File.Exists(path) ? LoadFromAssemblyPath(path) : null;
    }

    protected override IntPtr LoadUnmanagedDll(string unmanagedDllName)
    {
        var path = Path.Combine(_directory, unmanagedDllName);
        return File.Exists(path) ? LoadUnmanagedDllFromPath(path) : IntPtr.Zero;
    }
}
