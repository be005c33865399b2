namespace Shigan.Data.Generate;

/// <summary>What <see cref="CaseLife"/> needs to know of the township a case happened in: who works its cases, its departments.</summary>
public sealed record Desk(Actor[] Officers, (int Id, string Name)[] Departments);
