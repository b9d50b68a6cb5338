/** The service's name, as the header, the browser tab and the sign-in page show it. */
export const SERVICE_NAME = 'Improvement programme';
