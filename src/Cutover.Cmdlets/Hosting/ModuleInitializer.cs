using System.Management.Automation;
using System.Reflection;
using System.Runtime.Loader;

namespace Cutover.Commands.Hosting;

/// <summary>Bridges only the engine assembly from the default context into the private one.</summary>
public sealed class ModuleInitializer : IModuleAssemblyInitializer, IModuleAssemblyCleanup
{
    private const string EngineAssemblyName = "Cutover.Engine";

    private static readonly DependencyLoadContext LoadContext = new(Path.Combine(
        Path.GetDirectoryName(typeof(ModuleInitializer).Assembly.Location)!, "Dependencies"));

    private static int _hooked;

    public void OnImport()
    {
        if (Interlocked.Exchange(ref _hooked, 1) == 0)
            AssemblyLoadContext.Default.Resolving += ResolveEngine;
    }

    public void OnRemove(PSModuleInfo psModuleInfo)
    {
        if (Interlocked.Exchange(ref _hooked, 0) == 1)
            AssemblyLoadContext.Default.Resolving -= ResolveEngine;
    }

    private static Assembly? ResolveEngine(AssemblyLoadContext context, AssemblyName name) =>
        name.Name == EngineAssemblyName ? LoadContext.LoadFromAssemblyName(name) : null;
}
