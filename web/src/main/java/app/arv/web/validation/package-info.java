/** Bean Validation constraints of ARV's own that request bodies share. Depends on nothing but the platform. */
package app.arv.web.validation;
