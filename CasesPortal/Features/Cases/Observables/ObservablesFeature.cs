namespace CasesPortal.Features.Cases.Observables;

/// <summary>Observables of cases, their types and similar cases.</summary>
public static class ObservablesFeature
{
    public static IServiceCollection AddObservables(this IServiceCollection services) => services
        .AddSingleton<ObservableTypeService>()
        .AddSingleton<ObservableService>()
        .AddSingleton<SimilarCasesService>();
}
