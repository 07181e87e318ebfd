import { type ArgumentsHost, Catch, type ExceptionFilter, Logger, PayloadTooLargeException } from '@nestjs/common';
import type { Response } from 'express';
import { sendError } from '../all-exceptions.filter';
import { type Refusal, refusalException } from './import-file-reader';

/**
 * Multer's size limit answers in the API's envelope, with the code the client translates and the
 * limit of the upload it guards (an employer sheet's or a national export's), before anything is read.
 */
@Catch(PayloadTooLargeException)
export class UploadTooLargeFilter implements ExceptionFilter {
  private readonly logger: Logger;

  constructor(
    private readonly refusal: () => Refusal,
    loggerContext: string,
  ) {
    this.logger = new Logger(loggerContext);
  }

  catch(_exception: PayloadTooLargeException, host: ArgumentsHost): void {
    sendError(host.switchToHttp().getResponse<Response>(), refusalException(this.refusal()), this.logger);
  }
}
