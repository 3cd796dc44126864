/**
 * A step's name. The engine plans and executes any catalog, so a name is data the catalog
 * chooses (`build`, `db:migrate`, `render-docs`); it only has to be unique in the catalog.
 */
export type StepName = string;
