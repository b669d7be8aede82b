package io.kursfilm.kernel;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

/**
 * Binds the authenticated caller's tenant to the transaction before a {@link TenantScoped} boundary
 * method runs. Runs inside the boundary's transaction, so the binding covers exactly the work of
 * that call. Refuses when nobody is authenticated.
 */
@TenantScoped
@Interceptor
@Priority(Interceptor.Priority.APPLICATION)
public class TenantBinding {

  @Inject Caller caller;
  @Inject TenantFilter filter;

  @AroundInvoke
  public Object bindCallerTenant(InvocationContext invocation) throws Exception {
    filter.bind(caller.require().tenantId());
    return invocation.proceed();
  }
}
