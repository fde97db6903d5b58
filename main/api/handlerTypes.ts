import type { ApiMethod, ApiResponse, ApiValidRequest } from '../../shared/api/contract.ts';
import type { ApiContext } from './context.ts';

/** A handler of method `M`: gets a validated payload, answers or throws. */
export type ApiHandler<M extends ApiMethod> = (
  payload: ApiValidRequest<M>,
  context: ApiContext,
) => ApiResponse<M> | Promise<ApiResponse<M>>;

/** One handler per method of the contract. */
export type ApiHandlers = { [M in ApiMethod]: ApiHandler<M> };
