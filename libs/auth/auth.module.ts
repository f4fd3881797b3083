import { Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { PassportModule } from '@nestjs/passport';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfig } from '#libs/config';
import { OfficesUsersModule } from '#libs/offices-users';
import { AuthSession } from './auth-session.entity';
import { AuthService } from './auth.service';
import { JwtAuthGuard, LocalAuthGuard, RolesGuard } from './guards';
import { LoginThrottle } from './login-throttle';
import { RefreshToken } from './refresh-token.entity';
import { JwtStrategy, LocalStrategy } from './strategies';

@Module({
  imports: [
    OfficesUsersModule,
    PassportModule,
    TypeOrmModule.forFeature([AuthSession, RefreshToken]),
    JwtModule.registerAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({ secret: config.jwt.secret, signOptions: { algorithm: 'HS256' } }),
    }),
  ],
  providers: [AuthService, LoginThrottle, LocalStrategy, JwtStrategy, JwtAuthGuard, RolesGuard, LocalAuthGuard],
  exports: [AuthService, JwtAuthGuard, RolesGuard, LocalAuthGuard],
})
export class AuthModule {}
