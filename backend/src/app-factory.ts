import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { type INestApplication, Logger, type LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import cookieParser from 'cookie-parser';
import express, { type NextFunction, type Request, type Response } from 'express';
import helmet from 'helmet';
import { AppModule } from './app.module';
import { staticFiles } from './static-files';
import { csrfMiddleware, xsrfCookieMiddleware } from './auth';
import { DataChanges, dataChangesMiddleware } from './cache/data-changes';
import { AllExceptionsFilter, sendError } from './all-exceptions.filter';
import type { AppConfig } from './config/config';

const LEVELS: LogLevel[] = ['fatal', 'error', 'warn', 'log', 'debug', 'verbose'];

/** Where the built Angular app is; STATIC_DIR overrides it (the Docker image). */
export function staticDir(): string {
  return resolve(process.env.STATIC_DIR ?? join(__dirname, '..', '..', 'frontend', 'dist', 'browser'));
}

/** Builds the whole HTTP app (API, docs, built frontend) without listening, for main and for tests. */
export async function createApp(config: AppConfig, databaseUrl: string): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config, databaseUrl), {
    bodyParser: false,
    logger: LEVELS.slice(0, LEVELS.indexOf(config.logLevel) + 1),
  });
  const errorLogger = new Logger('Errors');
  if (config.trustProxy) app.set('trust proxy', 1);
  app.disable('x-powered-by');
  app.use(
    helmet({
      contentSecurityPolicy: {
        useDefaults: false,
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'"],
          // Angular and Material set inline styles at run time.
          styleSrc: ["'self'", "'unsafe-inline'"],
          imgSrc: ["'self'", 'data:'],
          fontSrc: ["'self'", 'data:'],
          connectSrc: ["'self'"],
          objectSrc: ["'none'"],
          baseUri: ["'self'"],
          formAction: ["'self'"],
          frameAncestors: ["'none'"],
        },
      },
      // Served over plain HTTP on a laptop as well; HSTS belongs to the TLS proxy in front.
      strictTransportSecurity: false,
    }),
  );
  // Responses are built per request and rarely repeat: hashing every body for an ETag only cost time.
  app.set('etag', false);
  // API answers carry personal data: no browser or proxy may keep a copy. The API docs are public
  // pages and may be cached; remembered results live in the server (ResultCache), not in HTTP caches.
  app.use('/api', (request: Request, response: Response, next: NextFunction) => {
    if (!/^\/docs(-json)?(\/|$)/.test(request.path)) response.setHeader('Cache-Control', 'no-store');
    next();
  });
  app.use('/api', dataChangesMiddleware(app.get(DataChanges)));
  app.use(cookieParser());
  app.use(xsrfCookieMiddleware);
  app.use('/api', express.json({ limit: '1mb', strict: true }));
  app.use('/api', express.urlencoded({ extended: false, limit: '1mb' }));
  app.use('/api', csrfMiddleware);
  app.use('/api', (error: unknown, _request: Request, response: Response, next: NextFunction) => {
    if (!error) return next();
    sendError(response, error, errorLogger);
  });

  app.setGlobalPrefix('api');
  app.useGlobalFilters(new AllExceptionsFilter());

  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Työelämä CRM API')
      .setDescription('Employer relationships of a vocational college. Session cookie + X-XSRF-TOKEN header.')
      .setVersion('0.1.0')
      .addCookieAuth('crm_session')
      .build(),
  );
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json' });

  const browserDir = staticDir();
  if (existsSync(join(browserDir, 'index.html'))) {
    app.use(staticFiles(browserDir));
  } else {
    new Logger('Static').warn(`No built frontend in ${browserDir}; run npm run build`);
  }
  // Unknown /api paths reach Nest's route-not-found handler, which the filter answers as a JSON 404.
  return app;
}
