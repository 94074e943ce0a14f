/**
 * The published LTI 1.3 addresses of the LMSs that are set up by hand, so an admin fills them in with one button
 * instead of copying four addresses. Schoology's are the same for every school; Blackboard's keys address names
 * the application (client) ID that Blackboard's developer portal gave.
 */
export interface PlatformAddresses {
  issuer: string;
  authorizationEndpoint: string;
  tokenEndpoint: string;
  jwksUri: string;
}

export const SCHOOLOGY: PlatformAddresses = {
  issuer: 'https://schoology.schoology.com',
  authorizationEndpoint: 'https://lti-service.svc.schoology.com/lti-service/authorize-redirect',
  tokenEndpoint: 'https://lti-service.svc.schoology.com/lti-service/access-token',
  jwksUri: 'https://lti-service.svc.schoology.com/lti-service/.well-known/jwks',
};

export function blackboard(clientId: string): PlatformAddresses {
  return {
    issuer: 'https://blackboard.com',
    authorizationEndpoint: 'https://developer.blackboard.com/api/v1/gateway/oidcauth',
    tokenEndpoint: 'https://developer.blackboard.com/api/v1/gateway/oauth2/jwttoken',
    jwksUri: `https://developer.blackboard.com/api/v1/management/applications/${encodeURIComponent(clientId)}/jwks.json`,
  };
}
